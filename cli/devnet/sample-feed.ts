import { createCipheriv, createHash } from 'node:crypto'
import { resolve } from 'node:path'
import type Hypercore from 'hypercore'
import type { Network } from '../../service/network.js'
import { BLOCK_SIZE, appendPath } from '../../service/publisher.js'

/** The sample feed: 4 MiB, enough for hosters to show download progress, little enough to set up in seconds. */
const SAMPLE_BLOCKS = 64

export interface Feed {
  readonly core: Hypercore
  /** What it holds, for the display: `sample data` or the path given. */
  readonly source: string
}

/**
 * The devnet's feed in the publisher's corestore: the given file or directory, or the sample. It is filled
 * only when new, so a devnet kept in a --dir publishes the same feed again after a restart.
 */
export async function devnetFeed (network: Network, path: string | undefined): Promise<Feed> {
  const source = path === undefined ? null : resolve(path)
  const core = network.store.get({ name: source === null ? 'devnet-sample' : `devnet-feed:${source}` })
  await core.ready()
  if (core.length === 0) {
    if (source === null) await core.append(sampleBlocks())
    else await appendPath(core, source)
  }
  return { core, source: source ?? 'sample data' }
}

/** Deterministic bytes that do not compress: an AES-CTR key stream under a fixed key. */
function sampleBlocks (): Buffer[] {
  const key = createHash('sha256').update('datdot devnet sample').digest()
  const stream = createCipheriv('aes-256-ctr', key, Buffer.alloc(16)).update(Buffer.alloc(SAMPLE_BLOCKS * BLOCK_SIZE))
  return Array.from({ length: SAMPLE_BLOCKS }, (_, i) => stream.subarray(i * BLOCK_SIZE, (i + 1) * BLOCK_SIZE))
}
