import { ComingSoon } from '../../ui/coming-soon.js'
import { ValueIcon } from '../../ui/icons.js'

export function ValuePage() {
  return (
    <ComingSoon
      title="Value"
      description="What each customer is worth today, and what they are likely to be worth tomorrow."
      icon={<ValueIcon />}
      lead="Soon you will see revenue, profit and cost-to-serve per customer, with a probabilistic forecast of future purchases and lifetime value."
      points={[
        'RFM scores and historical revenue, profit and cost-to-serve',
        'BG/NBD, Pareto/NBD and Gamma-Gamma models: expected purchases, P(alive) and CLV',
        'Value tiers that drive the service level each customer receives',
        'Model diagnostics: fitted parameters, log-likelihood and calibration plots',
      ]}
    />
  )
}
