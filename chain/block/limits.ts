const MiB = 1024 * 1024

/** Substrate's default BlockLength: the bytes of extrinsics one block may carry. */
export const MAX_BLOCK_BYTES = 5 * MiB

/** One extrinsic may fill the block's normal share (Substrate's NORMAL_DISPATCH_RATIO, 75 %): 3.75 MiB. */
export const MAX_EXTRINSIC_BYTES = (MAX_BLOCK_BYTES * 3) / 4
