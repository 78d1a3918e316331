import { test } from 'node:test'
import { hexToU8a, u8aToHex } from '@polkadot/util'
import assert from 'node:assert/strict'
import { startChainProcess } from '../helpers/chain.js'
import { connectApi, devAccount } from '../helpers/api.js'
import { inBlock } from '../helpers/blocks.js'
import { appendBlocks, makeFeed, publishArgs } from '../helpers/hypercore.js'
import { makeHeadProof } from '../../hypercore/make.js'

test('feeds are published with hypercore-signed roots; forged, foreign and stale roots are refused by name', async (t) => {
  const chain = await startChainProcess(t)
  const api = await connectApi(t, chain.url)
  const alice = devAccount('//Alice')
  const bob = devAccount('//Bob')
  const core = await makeFeed(t, 20)
  const other = await makeFeed(t, 20)

  const args = await publishArgs(core)
  const forged = hexToU8a(args.head)
  forged[forged.length - 10] ^= 1 // inside the signature, the last field of the roots proof
  const foreign = await publishArgs(other)

  const [forgedOutcome, foreignOutcome] = await inBlock(api, [
    [api.tx.feeds.publishFeed(args.key, args.manifest, u8aToHex(forged)), alice],
    [api.tx.feeds.publishFeed(args.key, args.manifest, foreign.head), alice]
  ])
  assert.equal(forgedOutcome.result, 'feeds.InvalidRootSignature')
  assert.equal(foreignOutcome.result, 'feeds.InvalidRootSignature')

  const [published] = await inBlock(api, [[api.tx.feeds.publishFeed(args.key, args.manifest, args.head), alice]])
  assert.equal(published.result, 'ok')
  const stored = (await api.query.feeds.feeds(0)).unwrap()
  assert.equal(stored.root.length.toNumber(), 20)
  assert.equal(stored.root.byteLength.toNumber(), 20 * 1024)
  assert.equal(stored.root.treeHash.toHex(), u8aToHex(await core.treeHash()))
  assert.equal((await api.query.feeds.feedByKey(args.key)).unwrap().toNumber(), 0)

  const [again] = await inBlock(api, [[api.tx.feeds.publishFeed(args.key, args.manifest, args.head), alice]])
  assert.equal(again.result, 'feeds.FeedExists')

  await appendBlocks(core, 5)
  const newer = u8aToHex(await makeHeadProof(core))
  const [stale, updated] = await inBlock(api, [
    [api.tx.feeds.updateFeed(0, args.head), bob],
    [api.tx.feeds.updateFeed(0, newer), bob]
  ])
  assert.equal(stale.result, 'feeds.StaleRoot', 'the older length is refused')
  assert.equal(updated.result, 'ok', 'anyone may submit the newer signed root')
  const grown = (await api.query.feeds.feeds(0)).unwrap()
  assert.equal(grown.root.length.toNumber(), 25)
  assert.equal(grown.history[0].root.length.toNumber(), 20, 'challenges keep the old root until hosters had followWindow blocks')

  // A third party's newer head is accepted only if the feed key signed it.
  await appendBlocks(core, 3)
  const forgedNewer = await makeHeadProof(core)
  forgedNewer[forgedNewer.length - 10] ^= 1
  const [forgedUpdate, thirdParty] = await inBlock(api, [
    [api.tx.feeds.updateFeed(0, u8aToHex(forgedNewer)), bob],
    [api.tx.feeds.updateFeed(0, u8aToHex(await makeHeadProof(core))), devAccount('//Charlie')]
  ])
  assert.equal(forgedUpdate.result, 'feeds.InvalidRootSignature', 'a forged newer head is refused')
  assert.equal(thirdParty.result, 'ok', 'a third party may submit a newer signed head')
  assert.equal((await api.query.feeds.feeds(0)).unwrap().root.length.toNumber(), 28)
})
