import { z } from 'zod'
import { IMPORT_COLUMNS, IMPORT_KINDS } from './import-columns.js'
import { matchColumns } from './map-columns.js'

export const PreviewMappingInput = z.object({
  kind: z.enum(IMPORT_KINDS),
  headers: z.array(z.string().max(200)).min(1).max(500).describe("The file's header names, in file order"),
  mapping: z
    .record(z.string().max(60), z.string().max(200))
    .optional()
    .describe('Canonical column → header; "" turns a column off (as in an import job)'),
})
export type PreviewMappingInput = z.infer<typeof PreviewMappingInput>

export const MappingPreviewView = z.object({
  columns: z
    .array(
      z.object({
        name: z.string(),
        required: z.boolean(),
        header: z.string().nullable().describe('The header this column would be read from, or null'),
      }),
    )
    .describe('Every column of the kind, in export order'),
  mapping: z
    .record(z.string(), z.string())
    .describe('Canonical column → header, as an import would apply it'),
  ignored: z.array(z.string()).describe('Headers no column reads'),
  missing: z
    .array(z.string())
    .describe('Required columns without a header: the import would refuse the file'),
})
export type MappingPreviewView = z.infer<typeof MappingPreviewView>

/**
 * The mapping an import of a file with these headers would apply, without reading the file: the
 * upload page shows it and lets the user change it before sending the file.
 */
export function previewMapping(input: PreviewMappingInput): MappingPreviewView {
  const { mapping, ignored, missing } = matchColumns(input.kind, input.headers, input.mapping)
  return {
    columns: IMPORT_COLUMNS[input.kind].map((c) => ({
      name: c.name,
      required: c.required === true,
      header: mapping[c.name] ?? null,
    })),
    mapping,
    ignored,
    missing,
  }
}
