import type { ReactNode } from 'react'
import { EmptyState } from './empty-state.js'
import { PageHeader } from './page-header.js'

/** A capability page whose screens have not landed yet: says what the page will do. */
export function ComingSoon(props: {
  title: string
  description: string
  icon: ReactNode
  lead: string
  points: string[]
}) {
  return (
    <>
      <PageHeader title={props.title} description={props.description} />
      <EmptyState icon={props.icon} title="Coming soon">
        <p>{props.lead}</p>
        <ul className="feature-list">
          {props.points.map((point) => (
            <li key={point}>{point}</li>
          ))}
        </ul>
      </EmptyState>
    </>
  )
}
