/** Place names to ISO 3166-1 alpha-2 country codes and STIX region names, so exports carry codes where the name is known. */
import { foldForMatch } from '../domain/analysis/fold';

/**
 * Code, then the names an analyst may have typed (English, common short forms, and for the sample's region the Russian,
 * Kazakh and Turkish names). Not a gazetteer: a city or province stays unresolved and is exported by name only.
 */
const COUNTRIES = `AF Afghanistan|AL Albania|DZ Algeria|AD Andorra|AO Angola|AR Argentina|AM Armenia;Армения;Ermenistan|AU Australia|AT Austria
|AZ Azerbaijan;Азербайджан;Azerbaycan;Azərbaycan|BH Bahrain|BD Bangladesh|BY Belarus;Беларусь;Belarus|BE Belgium|BJ Benin|BT Bhutan|BO Bolivia
|BA Bosnia and Herzegovina|BW Botswana|BR Brazil|BN Brunei|BG Bulgaria|BF Burkina Faso|BI Burundi|KH Cambodia|CM Cameroon|CA Canada|CF Central African Republic
|TD Chad|CL Chile|CN China;People's Republic of China;PRC;Китай;Çin|CO Colombia|CD Democratic Republic of the Congo;DR Congo|CG Republic of the Congo;Congo
|CR Costa Rica|CI Côte d'Ivoire;Ivory Coast|HR Croatia|CU Cuba|CY Cyprus|CZ Czechia;Czech Republic|DK Denmark|DJ Djibouti|DO Dominican Republic|EC Ecuador
|EG Egypt;Mısır|SV El Salvador|ER Eritrea|EE Estonia|SZ Eswatini|ET Ethiopia|FI Finland|FR France;Fransa|GA Gabon|GM Gambia|GE Georgia;Грузия;Gürcistan
|DE Germany;Deutschland;Almanya;Германия|GH Ghana|GR Greece;Yunanistan|GT Guatemala|GN Guinea|HT Haiti|HN Honduras|HU Hungary;Macaristan|IS Iceland|IN India;Hindistan
|ID Indonesia|IR Iran;Islamic Republic of Iran;Иран|IQ Iraq;Irak|IE Ireland|IL Israel;İsrail|IT Italy;İtalya|JM Jamaica|JP Japan;Japonya|JO Jordan
|KZ Kazakhstan;Republic of Kazakhstan;Qazaqstan;Қазақстан;Казахстан;Kazakistan;Kazakhistan|KE Kenya|KP North Korea;DPRK|KR South Korea;Republic of Korea;Korea
|XK Kosovo|KW Kuwait|KG Kyrgyzstan;Kyrgyz Republic;Kirghizia;Кыргызстан;Киргизия;Kırgızistan|LA Laos|LV Latvia|LB Lebanon|LY Libya|LT Lithuania|LU Luxembourg
|MG Madagascar|MW Malawi|MY Malaysia|ML Mali|MT Malta|MR Mauritania|MX Mexico|MD Moldova|MC Monaco|MN Mongolia;Монголия;Moğolistan|ME Montenegro|MA Morocco
|MZ Mozambique|MM Myanmar;Burma|NA Namibia|NP Nepal|NL Netherlands;Holland|NZ New Zealand|NI Nicaragua|NE Niger|NG Nigeria|MK North Macedonia|NO Norway
|OM Oman|PK Pakistan|PS Palestine|PA Panama|PY Paraguay|PE Peru|PH Philippines|PL Poland;Polonya|PT Portugal|QA Qatar;Katar|RO Romania
|RU Russia;Russian Federation;Россия;Российская Федерация;Rusya|RW Rwanda|SA Saudi Arabia;Suudi Arabistan|SN Senegal|RS Serbia|SG Singapore|SK Slovakia
|SI Slovenia|SO Somalia|ZA South Africa|SS South Sudan|ES Spain;İspanya|LK Sri Lanka|SD Sudan|SE Sweden|CH Switzerland|SY Syria;Suriye|TW Taiwan
|TJ Tajikistan;Таджикистан;Tacikistan|TZ Tanzania|TH Thailand|TG Togo|TN Tunisia|TR Türkiye;Turkey;Republic of Türkiye;Turkiye;Турция|TM Turkmenistan;Туркменистан;Türkmenistan
|UG Uganda|UA Ukraine;Украина;Ukrayna|AE United Arab Emirates;UAE;Birleşik Arap Emirlikleri|GB United Kingdom;UK;Britain;Great Britain;Birleşik Krallık
|US United States;United States of America;USA;US;ABD;США|UY Uruguay|UZ Uzbekistan;Ўзбекистон;Узбекистан;Özbekistan|VE Venezuela|VN Vietnam|YE Yemen|ZM Zambia|ZW Zimbabwe`;

/** STIX 2.1 region-ov values with the names that mean them. */
const REGIONS = `central-asia Central Asia;Средняя Азия;Центральная Азия;Orta Asya|western-asia Western Asia;Middle East|eastern-europe Eastern Europe|europe Europe
|western-europe Western Europe|northern-europe Northern Europe|southern-europe Southern Europe|asia Asia|eastern-asia East Asia;Eastern Asia|south-eastern-asia South-East Asia;Southeast Asia
|southern-asia South Asia;Southern Asia|africa Africa|northern-africa North Africa;Northern Africa|americas Americas|northern-america North America;Northern America
|south-america South America|latin-america-caribbean Latin America|oceania Oceania|antarctica Antarctica`;

function table(spec: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const entry of spec.split('|')) {
    const trimmed = entry.trim();
    const space = trimmed.indexOf(' ');
    const code = trimmed.slice(0, space);
    for (const name of trimmed.slice(space + 1).split(';')) map.set(foldForMatch(name), code);
  }
  return map;
}

const countryByName = table(COUNTRIES);
const regionByName = table(REGIONS);

/** ISO 3166-1 alpha-2 code of the first of the names that is a known country, or null. */
export function countryCodeOf(names: readonly string[]): string | null {
  for (const n of names) {
    const code = countryByName.get(foldForMatch(n));
    if (code) return code;
  }
  return null;
}

/** STIX region-ov value of the first of the names that is a known region, or null. */
export function regionOf(names: readonly string[]): string | null {
  for (const n of names) {
    const region = regionByName.get(foldForMatch(n));
    if (region) return region;
  }
  return null;
}
