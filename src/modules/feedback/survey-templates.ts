import type { SurveyKind } from '../../db/database.js'

export const LANGUAGES = ['en', 'de', 'fr'] as const
export type Language = (typeof LANGUAGES)[number]

/** The score range of each survey kind, and where the closed loop starts by default. */
export const SCALES: Record<SurveyKind, { min: number; max: number; low: string; high: string }> = {
  nps: { min: 0, max: 10, low: 'not likely', high: 'extremely likely' },
  csat: { min: 1, max: 5, low: 'very unsatisfied', high: 'very satisfied' },
  ces: { min: 1, max: 7, low: 'very easy', high: 'very difficult' },
}

/** Whether a score calls for a follow-up: detractors (NPS 0–6), CSAT ≤ 2, high effort (CES ≥ 5). */
export function needsFollowUp(kind: SurveyKind, score: number, threshold: number | null): boolean {
  if (kind === 'ces') return score >= (threshold ?? 5)
  return score <= (threshold ?? (kind === 'nps' ? 6 : 2))
}

export interface SurveyTexts {
  subject: string
  intro: string
  question: string
  low: string
  high: string
  comment: string
  submit: string
  thanks: string
  closed: string
  reminder: string
}

const EN: Record<SurveyKind, Pick<SurveyTexts, 'subject' | 'question' | 'low' | 'high'>> = {
  nps: {
    subject: 'How likely are you to recommend us?',
    question: 'How likely are you to recommend us to a friend or colleague?',
    low: 'Not at all likely',
    high: 'Extremely likely',
  },
  csat: {
    subject: 'How did we do?',
    question: 'How satisfied are you with how we handled your request?',
    low: 'Very unsatisfied',
    high: 'Very satisfied',
  },
  ces: {
    subject: 'Was it easy?',
    question: 'How much effort did it take to get your issue resolved?',
    low: 'Very little effort',
    high: 'A great deal of effort',
  },
}
const DE: typeof EN = {
  nps: {
    subject: 'Wie wahrscheinlich empfehlen Sie uns weiter?',
    question: 'Wie wahrscheinlich ist es, dass Sie uns einem Freund oder Kollegen empfehlen?',
    low: 'Gar nicht wahrscheinlich',
    high: 'Äußerst wahrscheinlich',
  },
  csat: {
    subject: 'Wie haben wir es gemacht?',
    question: 'Wie zufrieden sind Sie mit der Bearbeitung Ihres Anliegens?',
    low: 'Sehr unzufrieden',
    high: 'Sehr zufrieden',
  },
  ces: {
    subject: 'War es einfach?',
    question: 'Wie viel Aufwand war es, Ihr Anliegen zu lösen?',
    low: 'Sehr wenig Aufwand',
    high: 'Sehr viel Aufwand',
  },
}
const FR: typeof EN = {
  nps: {
    subject: 'Nous recommanderiez-vous ?',
    question: 'Quelle est la probabilité que vous nous recommandiez à un ami ou un collègue ?',
    low: 'Pas du tout probable',
    high: 'Très probable',
  },
  csat: {
    subject: 'Comment avons-nous fait ?',
    question: 'Êtes-vous satisfait(e) du traitement de votre demande ?',
    low: 'Très insatisfait(e)',
    high: 'Très satisfait(e)',
  },
  ces: {
    subject: 'Était-ce facile ?',
    question: 'Quel effort vous a demandé la résolution de votre demande ?',
    low: 'Très peu d’effort',
    high: 'Énormément d’effort',
  },
}
const COMMON: Record<
  Language,
  Pick<SurveyTexts, 'intro' | 'comment' | 'submit' | 'thanks' | 'closed' | 'reminder'>
> = {
  en: {
    intro: 'One click on a score answers this survey.',
    comment: 'Anything you would like to tell us? (optional)',
    submit: 'Send',
    thanks: 'Thank you! You can change your answer until the survey closes.',
    closed: 'This survey has closed. Thank you for your time.',
    reminder: 'A gentle reminder: we would love to hear from you.',
  },
  de: {
    intro: 'Ein Klick auf eine Bewertung beantwortet die Umfrage.',
    comment: 'Möchten Sie uns noch etwas mitteilen? (optional)',
    submit: 'Senden',
    thanks: 'Vielen Dank! Sie können Ihre Antwort ändern, bis die Umfrage endet.',
    closed: 'Diese Umfrage ist beendet. Vielen Dank für Ihre Zeit.',
    reminder: 'Eine kurze Erinnerung: Ihre Meinung ist uns wichtig.',
  },
  fr: {
    intro: 'Un clic sur une note suffit pour répondre.',
    comment: 'Souhaitez-vous nous dire autre chose ? (facultatif)',
    submit: 'Envoyer',
    thanks: 'Merci ! Vous pouvez modifier votre réponse jusqu’à la clôture de l’enquête.',
    closed: 'Cette enquête est close. Merci pour votre temps.',
    reminder: 'Petit rappel : votre avis compte pour nous.',
  },
}
const BY_LANGUAGE: Record<Language, typeof EN> = { en: EN, de: DE, fr: FR }

/** The customer's language when a template exists for it, else the workspace default, else English. */
export function pickLanguage(customerLanguage: string | null, workspaceDefault: string): Language {
  const norm = (l: string | null) => (l ?? '').toLowerCase().slice(0, 2)
  const isKnown = (l: string): l is Language => (LANGUAGES as readonly string[]).includes(l)
  const c = norm(customerLanguage)
  if (isKnown(c)) return c
  const w = norm(workspaceDefault)
  return isKnown(w) ? w : 'en'
}

/** The texts of a survey kind in a language, with the survey's own overrides on top. */
export function surveyTexts(
  kind: SurveyKind,
  language: Language,
  overrides: Record<string, Record<string, string>> = {},
): SurveyTexts {
  return { ...COMMON[language], ...BY_LANGUAGE[language][kind], ...(overrides[language] ?? {}) }
}
