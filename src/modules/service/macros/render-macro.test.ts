import { describe, expect, it } from 'vitest'
import { assertKnownVariables, renderMacro } from './render-macro.js'

const values = {
  'customer.name': 'Anna Müller',
  'customer.firstName': 'Anna',
  'case.number': '42',
  'case.subject': 'Grinder jams',
  'agent.name': 'Jonas Berg',
  'workspace.name': 'Demo Company',
}

describe('renderMacro', () => {
  it('fills every known variable, with or without spaces inside the braces', () => {
    expect(
      renderMacro('Hi {{customer.firstName}}, about case #{{ case.number }}: {{agent.name}}', values),
    ).toBe('Hi Anna, about case #42: Jonas Berg')
  })
  it('leaves text that is not a placeholder alone', () => {
    expect(renderMacro('{single} {{ }} {{customer.name}}', values)).toBe('{single} {{ }} Anna Müller')
  })
  it('refuses unknown variables when a macro is saved', () => {
    expect(() => assertKnownVariables('Hi {{customer.nmae}}', 'body.body')).toThrow(/customer\.nmae/)
    expect(() => assertKnownVariables('Hi {{customer.name}}', 'body.body')).not.toThrow()
  })
})
