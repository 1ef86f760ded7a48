// The staff console's entry: read the runtime settings, sign in, open the live stream, render.
import { render } from 'preact';

import { completeSignInPopup, isSignInPopup } from '../../shared/auth/auth';
import { loadConfig } from '../../shared/config';
import { locale } from '../../shared/i18n/i18n';
import { base, syncLocation } from '../../shared/router/router';
import { App } from './App';
import { current } from './i18n';
import { startLive } from './live';
import { initServices } from './services';
import './styles.css';

async function boot() {
  const root = document.getElementById('app')!;
  document.documentElement.lang = locale.get();
  const config = await loadConfig(base);
  if (isSignInPopup(base)) {
    await completeSignInPopup(config, base);
    return;
  }
  const { auth } = initServices(config, base);
  root.textContent = ''; // the placeholder shown while the script loads
  render(<App />, root);
  await auth.start();
  syncLocation();
  if (auth.session.get().status === 'signed-in') startLive();
}

boot().catch((error: unknown) => {
  const root = document.getElementById('app')!;
  root.textContent = '';
  const message = document.createElement('p');
  message.setAttribute('role', 'alert');
  message.textContent = `${current().t('app.boot.failed')} ${error instanceof Error ? error.message : String(error)}`;
  root.append(message);
});
