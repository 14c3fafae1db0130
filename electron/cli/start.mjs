// `npm start`: builds and runs the Electron app. Where the Electron binary is missing it tries to download it
// once; where that is impossible (no network, as on build machines) it says so and points to `npm run serve`.
import { spawn, spawnSync } from 'node:child_process';
import { electronInstallScript, installedElectron } from './electronBinary.mjs';

const DOWNLOAD_TIMEOUT_MS = 120_000;

function explainMissing(reason) {
  console.error(
    [
      '',
      '无法启动 Electron 桌面程序：本机没有 Electron 可执行文件，且无法下载。',
      'The Electron binary is not installed and could not be downloaded here' + (reason ? ` (${reason})` : '') + '.',
      '',
      '在浏览器中使用同一个程序 / Use the same app in a browser instead:',
      '    npm run serve',
      '',
      'Where the network allows, `npx install-electron` installs the binary; then run `npm start` again.',
      '',
    ].join('\n'),
  );
}

let binary = installedElectron();
if (!binary) {
  console.log('Electron binary not found; trying to download it once …');
  const result = spawnSync(process.execPath, [electronInstallScript()], { stdio: 'inherit', timeout: DOWNLOAD_TIMEOUT_MS });
  binary = installedElectron();
  if (!binary) {
    explainMissing(result.error ? result.error.message : `download exited with ${result.status}`);
    process.exit(1);
  }
}

const child = spawn('npx', ['electron-vite', 'preview', ...process.argv.slice(2)], { stdio: 'inherit', shell: process.platform === 'win32' });
child.on('exit', (code) => process.exit(code ?? 0));
