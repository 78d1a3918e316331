import type { Handler } from '../types.js'

/** polkadot-js only calls the methods listed here, so the list holds every name served, aliases included. */
export const rpc_methods: Handler = ({ methods }) => ({ version: 1, methods: [...methods] })
