/**
 * The sign-in page: posts the name and password to /api/login (which sets the session cookie),
 * then goes back to the page that sent the visitor here, or to the map. Test hook:
 * <form id="login-form" data-state="idle|signing-in|error">.
 */
const form = document.getElementById('login-form');
const statusLine = document.getElementById('login-status');

/** Only a path on this site, so the sign-in page cannot be used to send people elsewhere. */
function nextPage() {
  const next = new URLSearchParams(window.location.search).get('next');
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  form.dataset.state = 'signing-in';
  statusLine.textContent = 'Signing in…';
  statusLine.classList.remove('status--error');
  let response;
  try {
    response = await fetch('/api/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ name: form.elements.name.value, password: form.elements.password.value }),
    });
  } catch {
    response = null;
  }
  if (response && response.ok) {
    window.location.assign(nextPage());
    return;
  }
  form.dataset.state = 'error';
  statusLine.classList.add('status--error');
  if (!response) {
    statusLine.textContent = 'Could not reach the SaferMap service.';
  } else if (response.status === 429) {
    statusLine.textContent = 'Too many failed attempts: wait 15 minutes and try again.';
  } else {
    statusLine.textContent = 'Wrong user name or password.';
  }
});
