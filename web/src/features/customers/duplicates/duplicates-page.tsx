import { Link, usePath } from '../../../router.js'
import { PageHeader } from '../../../ui/page-header.js'
import { TabNav } from '../../../ui/tab-nav.js'
import { DuplicatePairsTab } from './duplicate-pairs-tab.js'
import { MergeHistoryTab } from './merge-history-tab.js'

const TABS = [
  { href: '/customers/duplicates', label: 'Likely duplicates' },
  { href: '/customers/duplicates/history', label: 'Merge history' },
]

/** /customers/duplicates: likely duplicate pairs of the workspace to compare and merge, and the merge history. */
export function DuplicatesPage() {
  const path = usePath().replace(/\/$/, '')
  const history = path === '/customers/duplicates/history'
  return (
    <>
      <p className="back-link">
        <Link href="/customers">← Customers</Link>
      </p>
      <PageHeader
        title="Duplicates and merges"
        description="Records that are probably one customer: compare them side by side and merge. Every merge is kept in the history."
      />
      <TabNav label="Duplicates" tabs={TABS} current={path} />
      {history ? <MergeHistoryTab /> : <DuplicatePairsTab />}
    </>
  )
}
