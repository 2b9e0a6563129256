/** The known text of the generated test PDFs (tests/support/pdf-fixtures.ts), so tests can assert what is on which page. */

/** Words outside Latin-1 that every Unicode check looks for; page 2 of the multi-page document carries all three. */
export const UNICODE_WORDS = ['Türkiye', 'Erdoğan', 'Қазақстан'] as const;

// Nine subjects, so page p sentence k uses subject (3p + k) % 9: page 2 gets subjects 6, 7, 8 — the three Unicode ones.
const SUBJECTS = [
  'The harbour authority',
  'A coastal survey team',
  'The finance committee',
  'Regional auditors',
  'The water board',
  'An independent panel',
  'President Erdoğan',
  'Observers from Қазақстан',
  'The delegation of Türkiye',
];
const VERBS = ['reviewed', 'questioned', 'endorsed', 'postponed', 'summarised', 'amended', 'rejected'];
const OBJECTS = [
  'the grain corridor plan',
  'the pipeline tariff',
  'the border census',
  'the river treaty',
  'the customs ledger',
  'the rail timetable',
  'the fisheries quota',
  'the school budget',
  'the port lease',
  'the energy audit',
  'the media charter',
];

/**
 * Sentence k (0-based) of page `page` (1-based). The closing "ref P.K" makes every sentence unique in the whole
 * document, and no ref is a substring of another ("ref 2.1" does not occur inside "ref 12.1").
 */
export function fixtureSentence(page: number, k: number): string {
  const subject = SUBJECTS[(3 * page + k) % SUBJECTS.length]!;
  const verb = VERBS[(page + 2 * k) % VERBS.length]!;
  const object = OBJECTS[(5 * page + k) % OBJECTS.length]!;
  return `${subject} ${verb} ${object} under ref ${page}.${k + 1}.`;
}

export interface FixturePage {
  /** Drawn at the top in a larger size: "Page N". */
  heading: string;
  /** The body sentences in reading order; each starts on its own line, two to a paragraph. */
  sentences: string[];
}

/** The content of page `page` of the multi-page document (and of the 300-page bench document). */
export function multiPageContent(page: number, sentencesPerPage = 4): FixturePage {
  return { heading: `Page ${page}`, sentences: Array.from({ length: sentencesPerPage }, (_, k) => fixtureSentence(page, k)) };
}

/** Two columns drawn left column first; each column's sentences wrap inside the column. */
export const TWO_COLUMN_PAGE = {
  heading: 'Two column briefing',
  left: [
    'The left column opens with the shipping schedule for the northern ports.',
    'Inspectors counted forty vessels waiting outside the breakwater at dawn.',
  ],
  right: [
    'The right column turns to the inland railway and its freight backlog.',
    'Engineers in Türkiye expect the new signalling to double the capacity.',
  ],
} as const;

/** A ruled table: the first row is the header; each cell holds one short string. */
export const TABLE_PAGE = {
  heading: 'Quarterly grain exports',
  rows: [
    ['Country', 'First quarter', 'Second quarter'],
    ['Türkiye', '1,240 tonnes', '1,310 tonnes'],
    ['Қазақстан', '2,050 tonnes', '1,980 tonnes'],
    ['Georgia', '415 tonnes', '460 tonnes'],
  ],
} as const;

/** The page stored with /Rotate 90: its text is drawn upright in the unrotated page space. */
export const ROTATED_PAGE = {
  heading: 'Rotated annex',
  sentences: ['This annex page is stored rotated by ninety degrees.', 'Its wide table was printed in landscape.'],
} as const;

/** The text painted into the scanned page's image (there is no text layer: OCR must read these). */
export const SCANNED_LINES = [
  'SCANNED MEMORANDUM',
  'The committee met on Tuesday morning.',
  'It approved the harbour budget for next year.',
  'Signed by the secretary of the board.',
] as const;

/** The bookmarks of the outlined document: one per page, "Section N: …", pointing at page N. */
export function outlineTitle(page: number): string {
  return `Section ${page}: ${SUBJECTS[(3 * page) % SUBJECTS.length]}`;
}

/** The pages of buildMixedPdf(), in order, so tests can name the page they need. */
export const MIXED_PAGES = ['text', 'two-column', 'table', 'rotated', 'scanned', 'text'] as const;
