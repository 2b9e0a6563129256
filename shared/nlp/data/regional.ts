/** Russian, Kazakh and Turkish word lists: titles, function words, surname endings, institution heads, and place names. */

const words = (s: string): ReadonlySet<string> => new Set(s.trim().split(/\s+/));

/** Surname endings of the region (Latin and Cyrillic): a two- to four-word name ending so is a person. */
export const PERSON_SURNAME_RE = /(?:ov|ova|ev|eva|yev|yeva|iev|ieva|uly|ulu|kyzy|qyzy|zoda|zade|oğlu|oglu|enko|sky|ski|skaya|yan|dze|shvili|bayev|bekov|ов|ова|ев|ева|ёв|ёва|ин|ина|ын|ына|ский|ская|ұлы|қызы|енко|ян|дзе|швили|заде|зода|ович|евич|овна|евна)$/iu;

/** Titles (lowercased, with common case forms): 'Президент …', 'Cumhurbaşkanı …', '… Президенті'. */
export const REGIONAL_TITLES = words(`
  президент президента президентом президенту премьер-министр премьер-министра министр министра министром глава
  главы председатель председателя пресс-секретарь пресс-секретаря спикер посол губернатор аким акима мэр директор
  аналитик аналитика адвокат эколог замминистра вице-премьер депутат генпрокурор представитель
  президенті министрі премьер-министрі төрағасы әкімі өкілі басшысы елшісі хатшысы депутаты сарапшы
  cumhurbaşkanı cumhurbaşkanımız başbakan bakan bakanı sözcüsü başkanı büyükelçisi büyükelçi müdürü genel
  yardımcısı milletvekili vali valisi ceo'su başkan uzman
`);

/** Capitalised sentence openers of the three languages that are never names on their own. */
export const REGIONAL_STOPWORDS = words(`
  в во на по с со у к о об от из за для при и а но что как это этот эта эти его её их он она они мы вы я также
  однако уже ещё ранее кроме после перед между тем все всё так там здесь если когда где сейчас сегодня вчера
  компания министр глава аналитик адвокат эколог председатель пресс-секретарь пресс-служба представитель
  бұл осы ол олар біз сіз мен және бірақ сондай-ақ алайда кейін бүгін кеше оның олардың эколог сарапшы
  bu şu o bir ve ile da de ama fakat ancak ise için gibi göre sonra önce bugün dün şirket şirketin uzmanlara
  şirketin bakan cumhurbaşkanı
`);

/** Russian/Kazakh/Turkish institution heads (lowercased): '… министрлігі', '… Bakanlığı', 'Комитет …'. */
export const REGIONAL_ORGANISATION_HEADS = words(`
  министрлігі министрлігінің әкімдігі әкімдігінің комитеті агенттігі банкі қоры корпорациясы компаниясы
  bakanlığı bakanlığının teşkilatı teşkilatının ajansı ajansının bankası holding kurumu kurulu başkanlığı
  meclisi partisi şirketi derneği vakfı üniversitesi borsası
`);

/** Russian institution names that continue in lowercase ('Министерство иностранных дел России', 'Национальный банк Казахстана'). */
export const RUSSIAN_INSTITUTION_RE = /(?<![\p{L}-])(?:(?:Национальный|Центральный|Государственный) банк|(?:Министерство|Государственный комитет|Федеральная служба|Агентство|Комитет|Служба|Управление|Департамент|Генеральная прокуратура|Верховный суд)(?:\s+[а-яё]+){1,5})(?:\s+[А-ЯЁ][а-яё]+)?/gu;

/** Kazakh institutions written as capitalised word(s) + lowercase head ('Энергетика министрлігі', 'Алматы әкімдігі'). */
export const KAZAKH_INSTITUTION_RE = /(?<![\p{L}])(?:\p{Lu}[\p{L}-]+\s+)(?:[\p{Ll}-]+\s+)?(?:министрлігі|әкімдігі|комитеті|агенттігі|қоры)(?:нің|н)?(?![\p{L}])/gu;

/**
 * Place names in Russian, Kazakh and Turkish (`name|country-or-city canonical`): the countries and capitals of the
 * region and its neighbours, and cities above about half a million people. Case forms are found by inflect.ts.
 */
export const REGIONAL_PLACES: readonly string[] = [
  'Казахстан', 'Қазақстан', 'Kazakistan', 'Узбекистан', 'Өзбекстан', 'Özbekistan', 'Киргизия', 'Кыргызстан',
  'Қырғызстан', 'Kırgızistan', 'Таджикистан', 'Тәжікстан', 'Tacikistan', 'Туркменистан', 'Түрікменстан',
  'Türkmenistan', 'Россия', 'Ресей', 'Rusya', 'Турция', 'Түркия', 'Азербайджан', 'Әзірбайжан', 'Azerbaycan',
  'Китай', 'Қытай', 'Çin', 'Иран', 'İran', 'Афганистан', 'Ауғанстан', 'Afganistan', 'Грузия', 'Грузия',
  'Gürcistan', 'Армения', 'Ermenistan', 'Украина', 'Украина', 'Ukrayna', 'Белоруссия', 'Беларусь', 'Belarus',
  'США', 'АҚШ', 'ABD', 'Германия', 'Германия', 'Almanya', 'Франция', 'Fransa', 'Индия', 'Үндістан', 'Hindistan',
  'Пакистан', 'Pakistan', 'Монголия', 'Моңғолия', 'Moğolistan', 'Европа', 'Еуропа', 'Avrupa', 'Азия', 'Asya',
  'Центральная Азия', 'Орталық Азия', 'Orta Asya', 'Кавказ', 'Kafkasya', 'Каспий', 'Hazar',
  'Астана', 'Astana', 'Алматы', 'Almatı', 'Шымкент', 'Şımkent', 'Караганда', 'Қарағанды', 'Актобе', 'Ақтөбе',
  'Актау', 'Ақтау', 'Атырау', 'Павлодар', 'Семей', 'Тараз', 'Ташкент', 'Тәшкент', 'Taşkent', 'Самарканд',
  'Самарқанд', 'Semerkant', 'Бухара', 'Бұхара', 'Buhara', 'Наманган', 'Андижан', 'Бишкек', 'Bişkek', 'Ош', 'Душанбе',
  'Duşanbe', 'Ашхабад', 'Ашхабат', 'Aşkabat', 'Москва', 'Мәскеу', 'Moskova', 'Санкт-Петербург', 'Новосибирск',
  'Екатеринбург', 'Казань', 'Қазан', 'Kazan', 'Анкара', 'Ankara', 'Стамбул', 'Ыстамбұл', 'İstanbul', 'İzmir',
  'Баку', 'Баку', 'Bakü', 'Тбилиси', 'Tiflis', 'Ереван', 'Erivan', 'Киев', 'Киев', 'Kiev', 'Kyiv', 'Минск', 'Minsk',
  'Пекин', 'Бейжің', 'Pekin', 'Тегеран', 'Тегеран', 'Tahran', 'Кабул', 'Kabil', 'Берлин', 'Berlin', 'Париж', 'Paris',
  'Лондон', 'Londra', 'Вашингтон', 'Washington', 'Брюссель', 'Brüksel', 'Сочи', 'Soçi',
];

/** Russian, Kazakh and Turkish spellings of organisations the English gazetteer already lists, plus parliaments. */
export const REGIONAL_ORGANISATIONS: readonly string[] = [
  'Кремль', 'Газпром', 'Роснефть', 'Росатом', 'ООН', 'БҰҰ', 'BM', 'НАТО', 'ЕС', 'ЕО', 'AB', 'ОДКБ', 'ШОС', 'ШЫҰ', 'ŞİÖ',
  'СНГ', 'ТМД', 'ЕАЭС', 'ЕАЭО', 'МИД', 'СІМ', 'ФСБ', 'ТАСС',
  'Türk Devletleri Teşkilatı', 'Түркі мемлекеттері ұйымы', 'Организация тюркских государств', 'Anadolu Ajansı',
  'TBMM', 'Самұрық-Қазына', 'Самрук-Казына', 'Парламент', 'Мәжіліс', 'Сенат', 'Госдума', 'Государственная дума',
];
