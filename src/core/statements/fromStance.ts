/**
 * The briefing's stances (who said what, found by src/core/brief) read as
 * spoken sentences: the one place that knows the stance model, so the
 * statements and speaker's-words quotes follow it when it changes.
 */
import type { Entity, Stance } from '../brief/types';
import type { SpokenSentence } from './spokenSentence';

export function spokenSentenceOf(stance: Stance, entities: readonly Entity[]): SpokenSentence {
  const entity = entities.find((candidate) => candidate.id === stance.speakerId);
  return {
    sentence: stance.citation.quote,
    speakerAsWritten: stance.speakerAsWritten,
    speaker: stance.speaker,
    person: (entity?.kind ?? 'person') === 'person',
    quotes: stance.quotes,
  };
}
