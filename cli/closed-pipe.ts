/**
 * A reader that goes away (`datdot wallet ratio carol | head -3`) closes the pipe: every later write fails
 * with EPIPE, which Node raises as an unhandled error with a stack trace. The output is simply no longer
 * wanted: further writes are dropped, and a long-running command is asked to stop as on SIGTERM (it shuts
 * down cleanly); a short one ends as it would have.
 */
export function quietOnClosedPipe (): void {
  let closed = false
  const onError = (err: NodeJS.ErrnoException): void => {
    if (err.code !== 'EPIPE') throw err
    if (closed) return
    closed = true
    // A command that runs until stopped listens for SIGTERM (cli/stop-signal.ts); nothing else does.
    if (process.listenerCount('SIGTERM') > 0) process.emit('SIGTERM', 'SIGTERM')
  }
  process.stdout.on('error', onError)
  process.stderr.on('error', onError)
}
