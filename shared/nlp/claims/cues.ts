/** Speech cues of English, Russian, Kazakh and Turkish: reporting verbs, 'according to' forms, and claim-type markers. */

/** Languages whose reporting verb ends the clause (the speaker opens it): the first name is the speaker. */
export type Order = 'svo' | 'sov';

export interface VerbCue { re: RegExp; order: Order }

const alt = (s: string): string => s.trim().split(/\s+/).map((w) => w.replace(/_/g, ' ')).join('|');

/** Reporting verbs; a match anywhere in a sentence (outside quotes) makes it a candidate claim. */
export const VERB_CUES: VerbCue[] = [
  { re: new RegExp(`\\b(?:${alt('said says told tells added stated noted announced warned denied rejected dismissed claimed confirmed insisted argued stressed explained reported expects expected predicted believes estimated acknowledged admitted')})\\b`, 'iu'), order: 'svo' },
  { re: new RegExp(`(?<![\\p{L}])(?:${alt('сказал сказала сказали заявил заявила заявило заявили отметил отметила отметило отметили сообщил сообщила сообщило сообщили подчеркнул подчеркнула добавил добавила опроверг опровергла опровергли отрицает отверг считает считают признал пообещал предупредил говорится')})(?![\\p{L}])`, 'iu'), order: 'svo' },
  { re: new RegExp(`(?<![\\p{L}])(?:${alt('деді мәлімдеді айтты атап_өтті хабарлады жариялады жоққа_шығарды теріске_шығарды қосты түсіндірді')})(?![\\p{L}])`, 'iu'), order: 'sov' },
  { re: new RegExp(`(?<![\\p{L}])(?:${alt('dedi söyledi açıkladı belirtti kaydetti vurguladı yalanladı reddetti bildirdi ifade_etti aktardı duyurdu diyen')})(?![\\p{L}])`, 'iu'), order: 'sov' },
];

/** 'according to X', 'по словам X', 'X айтуынша', "X'e göre": the speaker sits next to the cue. */
export const SOURCE_BEFORE_NAME_RE = /(?<![\p{L}])(?:according to|по словам|по данным|по мнению|по информации|согласно)\s+/giu;
export const SOURCE_AFTER_NAME_RE = /(?:['’]?(?:[ae]|y[ae]|n[ae])\s+göre|\s+(?:айтуынша|мәліметінше|пікірінше|хабарлауынша|дерегінше))(?![\p{L}])/giu;

/** Pronouns and stand-ins that refer back to the last person or organisation named. */
export const PERSON_PRONOUN_RE = /^(?:he|she|он|она|оның|ол|o)$/iu;
export const ORGANISATION_STANDIN_RE = /\b(?:the|its) (?:[\p{L}-]+ )?(?:company|bank|firm|group|ministry|agency|committee|lender|operator)\b|ведомств|компани|şirket/iu;

/** Claim-type markers, checked in this order: denial, intention, prediction, assessment; otherwise a fact. */
export const DENIAL_RE = /\b(?:denied|denies|deny|rejected|dismissed|refuted)\b|опроверг|отрица|отверг|жоққа шығарды|теріске шығарды|yalanladı|reddetti|yalanla/iu;
export const INTENTION_RE = /\b(?:plans? to|intends? to|aims? to|is going to|will open|will build|will sign|will deliver)\b|планиру|намерен|собира|жоспарла|planlıyor|niyetinde|imzalayacağını|açacağını/iu;
export const PREDICTION_RE = /\b(?:will|would|expects?|expected|forecasts?|predicts?|likely to|could)\b|будет|будут|ожида|прогноз|acak|ecek|acağ|eceğ|атын|етін|йтын|йтін|ылады|іледі|beklen/iu;
export const ASSESSMENT_RE = /\b(?:warned|believes|believe|concerned|considers?|important|should|must|enough|unfair|risky|biggest|best|worst)\b|считает|считают|важн|связан|өте|önemli/iu;
