// Auto-generated via `yarn polkadot-types-from-chain`, do not edit
/* eslint-disable */

// import type lookup before we augment - in some environments
// this is required to allow for ambient/previous definitions
import '@polkadot/api-base/types/consts';

import type { ApiTypes, AugmentedConst } from '@polkadot/api-base/types';
import type { u128, u16, u32, u64 } from '@polkadot/types-codec';
import type { Codec } from '@polkadot/types-codec/types';

export type __AugmentedConst<ApiType extends ApiTypes> = AugmentedConst<ApiType>;

declare module '@polkadot/api-base/types/consts' {
  interface AugmentedConsts<ApiType extends ApiTypes> {
    ratio: {
      /**
       * The least ratio a transfer may create an account with.
       **/
      existentialDeposit: u128 & AugmentedConst<ApiType>;
      /**
       * Generic const
       **/
      [key: string]: Codec;
    };
    system: {
      /**
       * How many recent block hashes are kept.
       **/
      blockHashCount: u32 & AugmentedConst<ApiType>;
      /**
       * The SS58 address format of this chain.
       **/
      ss58Prefix: u16 & AugmentedConst<ApiType>;
      /**
       * Generic const
       **/
      [key: string]: Codec;
    };
    timestamp: {
      /**
       * Half the expected block time, in milliseconds.
       **/
      minimumPeriod: u64 & AugmentedConst<ApiType>;
      /**
       * Generic const
       **/
      [key: string]: Codec;
    };
    transactionPayment: {
      /**
       * Ratio every paid extrinsic costs, besides its length and weight.
       **/
      baseFee: u128 & AugmentedConst<ApiType>;
      /**
       * Ratio per KiB (or part of one) of a paid extrinsic.
       **/
      lengthFeePerKib: u128 & AugmentedConst<ApiType>;
      /**
       * Ratio per millisecond (or part of one) of a paid extrinsic's weight.
       **/
      weightFeePerMilli: u128 & AugmentedConst<ApiType>;
      /**
       * Generic const
       **/
      [key: string]: Codec;
    };
  } // AugmentedConsts
} // declare module
