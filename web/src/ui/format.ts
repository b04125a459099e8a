const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' })
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })

export const formatDate = (iso: string) => dateFormat.format(new Date(iso))

export const formatDateTime = (iso: string) => dateTimeFormat.format(new Date(iso))

export const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

/** Server details are lower-case phrases ("wrong email or password"); show them as sentences. */
export const sentence = (s: string) => {
  const text = capitalize(s.trim())
  return /[.!?…]$/.test(text) ? text : `${text}.`
}
