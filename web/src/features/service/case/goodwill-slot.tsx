export function GoodwillSlot(_props: { customerId: string; caseId: string }) {
  return null
}
