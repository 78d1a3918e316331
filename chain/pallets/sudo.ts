import { u8aEq } from '@polkadot/util'
import { decodeAddress } from '@polkadot/util-crypto'
import { definePallet, signedCall } from '../frame/pallet.js'
import { value } from '../frame/storage.js'
import { AccountId32, named, runtimeCall } from '../types/ty.js'
import { DispatchResult } from '../metadata/substrate-types.js'
import { dbWeight } from '../frame/weight.js'

const storage = {
  Key: value({ type: AccountId32, docs: 'The account whose calls through `sudo` have the root origin.' })
}

/** The dev chain's root origin: parameter changes are made through `sudo.sudo(call)`. */
export const Sudo = definePallet({
  name: 'Sudo',
  storage,
  events: {
    Sudid: named({ sudoResult: DispatchResult })
  },
  errors: {
    RequireSudo: 'Only the sudo key may make this call.'
  },
  calls: {
    sudo: signedCall({ call: runtimeCall }, (ctx, who, { call }) => {
      const key = storage.Key.get(ctx)
      if (key === null || !u8aEq(key, who)) throw Sudo.errors.RequireSudo()
      const error = ctx.dispatch(call, { type: 'Root' })
      Sudo.emit(ctx, { type: 'Sudid', value: { sudoResult: error === null ? { type: 'Ok', value: [] } : { type: 'Err', value: error } } })
    }, 'Dispatches a call with the root origin.', { weight: dbWeight(1, 0, 1000) })
  },
  genesis (ctx, spec) {
    storage.Key.set(ctx, decodeAddress(spec.genesis.sudo))
  }
})
