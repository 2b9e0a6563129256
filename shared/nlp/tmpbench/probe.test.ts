import { it } from 'vitest';
import { suggestEntities } from '../index';
const text = `Minister of Foreign Affairs Mukhtar Tileuberdi met President of Kazakhstan Kassym-Jomart Tokayev at the Ministry of Foreign Affairs of Kazakhstan.
Speaker of the House Nancy Pelosi visited General Motors and the Prime Minister's Office. Bill Clinton stayed home.
Key points:
* Oil prices rose after OPEC+ met in Vienna.
* The Central Bank raised rates; Governor Elvira Nabiullina said inflation was high.
In a statement, the Ministry said the Internet was down. According to Al Jazeera, Hamas and Israel agreed to a truce brokered by Qatar and Egypt.
Sources: AP, AFP.
He studied at Harvard University and worked for Goldman Sachs, then Apple, before joining the Labour Party under Keir Starmer.
It was the First World War that changed Europe, said Professor John Smith of Oxford.
Ahmed al-Sharaa, Bashar al-Assad and Recep Tayyip Erdoğan were mentioned. Mohammed bin Salman's plan. Vladimir Putin's war.`;
it('probe', () => {
  for (const s of suggestEntities(text)) console.log(s.mentions, s.type, s.confidence, JSON.stringify(s.name), JSON.stringify(s.variants));
});
it('wrapped', () => {
  const t = `Turkish officials said on Wednesday that President Recep
Tayyip Erdoğan would travel to the Kazakh capital Astana for talks with
Kassym-Jomart Tokayev and then meet Russian President Vladimir Putin.
Putin's spokesman Dmitry Peskov confirmed the plan.

Summary
Erdoğan left.`;
  for (const s of suggestEntities(t)) console.log('W', s.mentions, s.type, JSON.stringify(s.name), JSON.stringify(s.variants));
});
