/** Word lists for typing a name by its sentence context: roles (people), organisation nouns, place nouns, legal suffixes. */

const words = (s: string): ReadonlySet<string> => new Set(s.trim().split(/\s+/));

/** Role nouns: 'chief executive X', 'X, chairman of …', 'its spokesman, X' name a person. */
export const ROLE_NOUNS = words(`
  chairman chairwoman chairperson chair executive ceo director president minister spokesman spokesperson spokeswoman
  secretary governor head founder co-founder deputy analyst economist adviser advisor ambassador envoy representative
  mayor speaker lawyer attorney doctor physician commissioner professor leader official manager editor researcher
  journalist reporter correspondent officer premier chancellor senator lawmaker mp diplomat negotiator general
  colonel commander prosecutor judge activist campaigner expert scientist engineer owner partner chief aide
  counsel auditor consultant strategist investor entrepreneur businessman businesswoman billionaire tycoon banker
  trader farmer teacher student worker resident candidate nominee member
`);

/** Organisation nouns: 'X, a Kazakh logistics firm,', 'freight forwarder X', 'outlets such as X'. */
export const ORGANISATION_NOUNS = words(`
  company companies firm firms group groups bank banks lender lenders carrier carriers operator operators producer
  producers miner miners insurer insurers watchdog watchdogs agency agencies ministry ministries regulator regulators
  broker brokers retailer retailers forwarder forwarders conglomerate holding corporation exporter exporters importer
  importers manufacturer manufacturers maker makers developer developers fund funds channel channels outlet outlets
  newspaper newspapers broadcaster broadcasters airline airlines utility startup charity ngo institute association
  union party parties council committee organisation organization subsidiary unit supplier suppliers consortium
  exchange parliament legislature government administration acquisition rival rivals competitor competitors
  monopoly giant platform marketplace bourse think-tank tank club team university hospital school publisher website
  portal network concern enterprise venture partnership alliance coalition movement militia faction
`);

/** Place nouns after a name: 'the Panj river', 'the Khatlon region'. */
export const PLACE_NOUNS = words(`
  river region province oblast district valley city town village county port lake sea mountains mountain desert
  steppe plateau basin province state republic peninsula island border frontier capital airport
`);

/** Legal-form suffixes: a name ending with one (or followed by one) is a company. */
export const LEGAL_SUFFIXES = words(`
  llc llp jsc pjsc ojsc cjsc ag gmbh kg plc ltd inc corp co sa nv bv spa srl ab oy asa as a.ş a.ş. a.s ltd. inc. corp.
  holding holdings group ао тоо ооо пао оао зао нао ат ақ жшс ұак ұк рмк мкк гп
`);

/** Words right after a name that make it an organisation: 'X spokesperson', 'X shares', 'the X news channel'. */
export const ORGANISATION_FOLLOWERS = words(`
  spokesperson spokesman spokeswoman shares stock shareholders subsidiary subsidiaries executives chief ceo board
  news newspaper agency channel tv television radio headquarters staff employees workers chairman
`);
