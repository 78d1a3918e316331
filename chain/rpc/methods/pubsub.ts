import type { StoredBlock, TxStatus } from '../../node/types.js'
import { subscriptionId } from '../params.js'
import type { Handler, RpcContext, Subscription } from '../types.js'

interface NodeEvents {
  block: [block: StoredBlock, changed: ReadonlySet<string>]
  tx: [hash: Uint8Array, status: TxStatus]
}

/**
 * Opens a subscription that listens to a node event for as long as it lives. The listener runs inside the
 * node's event emission, so an exception in it ends this subscription instead of reaching the node.
 */
export function follow<E extends keyof NodeEvents> (
  ctx: RpcContext,
  notification: string,
  event: E,
  listener: (subscription: Subscription, ...args: NodeEvents[E]) => void
): Subscription {
  const { node, logger } = ctx
  const onEvent = (...args: NodeEvents[E]): void => {
    try {
      listener(subscription, ...args)
    } catch (err) {
      logger.error({ err, notification, subscription: subscription.id }, 'subscription failed; ending it')
      subscription.end()
    }
  }
  const subscription = ctx.subscribe(notification, () => node.off(event, onEvent as (...args: any[]) => void))
  // ChainNode.on is overloaded per event; `event` is one of them, so its listener type matches.
  node.on(event as 'block', onEvent as unknown as (...args: NodeEvents['block']) => void)
  return subscription
}

/** An unsubscribe method: `[id] → boolean`, true if this connection had that subscription of this kind. */
export const unsubscriber = (notification: string): Handler =>
  (ctx, [id]) => ctx.unsubscribe(notification, subscriptionId(id))
