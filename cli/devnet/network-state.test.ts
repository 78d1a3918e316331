import { test } from 'node:test'
import assert from 'node:assert/strict'
import { NetworkState } from './network-state.js'

const sponsor = { label: '//Alice', address: 'alice' }
const hosters = [{ label: '//Bob', address: 'bob' }, { label: '//Charlie', address: 'charlie' }]
const attesters = [{ label: '//Eve', address: 'eve' }]

function watched (): { state: NetworkState, notes: string[], up: () => boolean } {
  const state = new NetworkState(sponsor, hosters, attesters)
  const notes: string[] = []
  let up = false
  state.on('note', (text) => notes.push(text))
  state.on('up', () => { up = true })
  return { state, notes, up: () => up }
}

test('up once every position of the plan is hosted and each of its hosters passed a challenge of it', () => {
  const { state, up } = watched()
  state.watch(0n, 2)
  state.apply({ type: 'assigned', plan: 0n, positions: [0, 1], hosters: ['bob', 'charlie'] })
  state.apply({ type: 'started', plan: 0n, position: 0, hoster: 'bob' })
  state.apply({ type: 'proofAccepted', plan: 0n, position: 0, hoster: 'bob', paid: 4n })
  assert.equal(up(), false, 'one position still sets up')
  state.apply({ type: 'started', plan: 0n, position: 1, hoster: 'charlie' })
  state.apply({ type: 'proofAccepted', plan: 1n, position: 0, hoster: 'charlie', paid: 4n })
  assert.equal(up(), false, 'a challenge of another plan does not count')
  state.apply({ type: 'proofAccepted', plan: 0n, position: 1, hoster: 'charlie', paid: 4n })
  assert.equal(up(), true)
  assert.equal(state.hosters.get('charlie')!.accepted, 2, 'the counts cover every plan')
})

test('events of the plan that come before it is known are replayed once it is', () => {
  const { state, notes } = watched()
  state.apply({ type: 'assigned', plan: 3n, positions: [0], hosters: ['bob'] })
  assert.equal(state.hosters.get('bob')!.stage, 'waiting')
  state.watch(3n, 1)
  assert.equal(state.hosters.get('bob')!.stage, 'assigned')
  assert.deepEqual(notes, ['plan 3: //Bob assigned; downloading'])
})

test('a freed position is no longer hosted; a hoster the devnet did not start gets a row of its own', () => {
  const { state, up } = watched()
  state.watch(0n, 1)
  state.apply({ type: 'started', plan: 0n, position: 0, hoster: 'bob' })
  state.apply({ type: 'freed', plan: 0n, position: 0, hoster: 'bob' })
  state.apply({ type: 'started', plan: 0n, position: 0, hoster: '5Stranger000000000000000000000000000000000000xyz' })
  assert.equal(state.hosters.get('bob')!.stage, 'waiting')
  assert.equal(state.hosters.get('5Stranger000000000000000000000000000000000000xyz')!.label, '5Stran…0xyz')
  state.apply({ type: 'proofAccepted', plan: 0n, position: 0, hoster: '5Stranger000000000000000000000000000000000000xyz', paid: 1n })
  assert.equal(up(), true)
})
