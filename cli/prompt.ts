/** Whether a person can be asked: stdin and stderr (where prompts go) are terminals. */
export function canPrompt (): boolean {
  return process.stdin.isTTY && process.stderr.isTTY
}

/**
 * Asks for a line on the terminal without echoing it (passphrases, mnemonics). Enter or Ctrl-D ends the
 * answer; Ctrl-C ends the command as it would anywhere else.
 */
export async function promptHidden (question: string): Promise<string> {
  const stdin = process.stdin
  process.stderr.write(question)
  stdin.setRawMode(true)
  stdin.setEncoding('utf8')
  stdin.resume()
  return await new Promise((resolve) => {
    let answer = ''
    const finish = (): void => {
      stdin.off('data', onData)
      stdin.setRawMode(false)
      stdin.pause()
      process.stderr.write('\n')
    }
    const onData = (chunk: string): void => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') {
          finish()
          resolve(answer)
          return
        }
        if (ch === '\u0003') {
          finish()
          // Raw mode turned Ctrl-C into a character: deliver it as the signal it means.
          process.kill(process.pid, 'SIGINT')
          return
        }
        if (ch === '\u007f' || ch === '\b') answer = answer.slice(0, -1)
        else if (ch >= ' ') answer += ch
      }
    }
    stdin.on('data', onData)
  })
}
