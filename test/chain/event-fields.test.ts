// polkadot-js decodes an event's data as an array with a getter per named field: a field named like an array
// property (`length`, `map`, …) is shadowed by it, so every client reads the wrong thing (a hoster read
// FeedUpdated's `length` as the field count and never followed a feed's growth).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { PALLETS } from '../../chain/runtime/pallets.js'

test('no event field is named like a property of the array polkadot-js decodes event data into', () => {
  const clashes: string[] = []
  for (const { pallet } of PALLETS) {
    for (const variant of pallet.eventTy?.variants ?? []) {
      if (variant.def === null || !('kind' in variant.def) || variant.def.kind !== 'named') continue
      for (const field of Object.keys(variant.def.fields)) if (field in []) clashes.push(`${pallet.name}.${variant.name}.${field}`)
    }
  }
  assert.deepEqual(clashes, [])
})
