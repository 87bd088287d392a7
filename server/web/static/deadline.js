// The candidature's deadline (`date_limite`, a day) as the candidate reads
// it at the top of the page, closer to the point as the day comes near.
import { frenchDay, parseDay } from './french-format.js';

const DAY_MS = 86_400_000;

// null without a deadline; otherwise {text, urgent}. `now`: a Date.
export function deadlineSentence(dateLimite, now = new Date()) {
  const day = parseDay(dateLimite);
  if (!day) return null;
  const today = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  const days = Math.round((day - today) / DAY_MS);
  const when = frenchDay(day);
  if (days < 0)
    return { urgent: true, text: `La date limite de transmission, le ${when}, est passée.` };
  if (days === 0)
    return {
      urgent: true,
      text: `À transmettre au plus tard aujourd’hui, ${when} : c’est le dernier jour.`,
    };
  if (days === 1) return { urgent: true, text: `À transmettre au plus tard demain, ${when}.` };
  if (days <= 7)
    return {
      urgent: true, text: `À transmettre au plus tard le ${when} : plus que ${days} jours.`,
    };
  return { urgent: false, text: `À transmettre au plus tard le ${when}.` };
}
