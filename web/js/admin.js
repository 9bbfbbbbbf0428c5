/**
 * Entry point of the users and tokens page (admin.html), for admins: the users
 * (GET /api/admin/users), adding or changing one (PUT /api/admin/users/{name}), a new API token
 * shown once (POST /api/admin/users/{name}/tokens), the user's tokens by label and id
 * (GET /api/admin/users/{name}/tokens) with a revoke button each (DELETE .../tokens/{id}), and
 * the latest audit entries (GET /api/admin/audit).
 *
 * Test hooks on <main id="admin">:
 *   data-state       "loading" | "ready" | "error"
 *   data-user-count  rows in the users table
 * and on <table id="tokens-table">: data-user, whose tokens are listed (once loaded).
 */
import { fetchJson, sendBody } from './api.js';
import { createElement } from './dom.js';
import { guardPage } from './navigation.js';

const AUDIT_ROWS = 50;
const MIN_PASSWORD_LENGTH = 12;

const main = document.getElementById('admin');
const statusLine = document.getElementById('admin-status');
const usersBody = document.querySelector('#users-table tbody');
const userForm = document.getElementById('user-form');
const tokenForm = document.getElementById('token-form');
const tokenUser = document.getElementById('token-user');

function show(state, message) {
  main.dataset.state = state;
  main.setAttribute('aria-busy', String(state === 'loading'));
  statusLine.textContent = message;
  statusLine.classList.toggle('status--error', state === 'error');
}

/** A form's own status line: the outcome of its last submission. */
function say(elementId, message, isError) {
  const line = document.getElementById(elementId);
  line.textContent = message;
  line.classList.toggle('status--error', Boolean(isError));
}

function userPath(name) {
  return `/api/admin/users/${encodeURIComponent(name)}`;
}

/** Fills the user form with a user, to change its role or password. */
function edit(user) {
  userForm.elements.name.value = user.name;
  userForm.elements.role.value = user.role;
  userForm.elements.password.value = '';
  say('user-message', `Editing ${user.name}: choose a role, or type a new password, and save.`, false);
  userForm.elements.password.focus();
}

function renderUsers(users) {
  usersBody.replaceChildren(...users.map((user) => {
    const row = createElement('tr');
    row.dataset.user = user.name;
    row.append(createElement('th', null, user.name), createElement('td', null, user.role),
      createElement('td', null, user.password ? 'yes' : 'no (token only)'));
    const button = createElement('button', 'link-button', 'Edit');
    button.type = 'button';
    button.setAttribute('aria-label', `Edit ${user.name}`);
    button.addEventListener('click', () => edit(user));
    row.appendChild(createElement('td')).appendChild(button);
    return row;
  }));
  const chosen = tokenUser.value;
  tokenUser.replaceChildren(...users.map((user) => {
    const option = createElement('option', null, `${user.name} (${user.role})`);
    option.value = user.name;
    return option;
  }));
  if (users.some((user) => user.name === chosen)) {
    tokenUser.value = chosen;
  }
  main.dataset.userCount = String(users.length);
}

function renderAudit(events) {
  const body = document.querySelector('#audit-table tbody');
  if (events.length === 0) {
    const cell = createElement('td', null, 'Nobody has read individual incidents or exported yet.');
    cell.colSpan = 6;
    body.replaceChildren(createElement('tr'));
    body.firstChild.appendChild(cell);
    return;
  }
  body.replaceChildren(...events.map((event) => {
    const row = createElement('tr');
    const rows = createElement('td', 'data-table__number', Number(event.rows).toLocaleString('en-GB'));
    row.append(createElement('td', null, new Date(event.at).toLocaleString('en-GB')),
      createElement('td', null, event.user), createElement('td', null, String(event.role).toLowerCase()),
      createElement('td', null, event.action), createElement('td', 'audit-detail', event.detail), rows);
    return row;
  }));
}

/** Lists the tokens of the user chosen in the token form. */
async function loadTokens() {
  const name = tokenUser.value;
  const table = document.getElementById('tokens-table');
  const body = table.querySelector('tbody');
  delete table.dataset.user;
  if (!name) {
    body.replaceChildren();
    return;
  }
  const tokens = await fetchJson(`${userPath(name)}/tokens`, {}, `listing the tokens of ${name}`);
  document.getElementById('tokens-caption').textContent = tokens.length === 0
    ? `${name} has no API token.` : `The API tokens of ${name}, oldest first.`;
  body.replaceChildren(...tokens.map((token) => {
    const row = createElement('tr');
    row.dataset.token = token.id;
    const revoke = createElement('button', 'link-button', 'Revoke');
    revoke.type = 'button';
    revoke.setAttribute('aria-label', `Revoke the token ${token.label} of ${name}`);
    revoke.addEventListener('click', () => revokeToken(name, token));
    row.append(createElement('td', null, token.label), createElement('td', null,
      new Date(token.created).toLocaleString('en-GB')), createElement('td', 'token-id', token.id));
    row.appendChild(createElement('td')).appendChild(revoke);
    return row;
  }));
  table.dataset.user = name;
}

async function revokeToken(name, token) {
  if (!window.confirm(`Revoke the token "${token.label}" of ${name}? Scripts using it will be refused.`)) {
    return;
  }
  try {
    await sendBody('DELETE', `${userPath(name)}/tokens/${encodeURIComponent(token.id)}`, null, null,
      `revoking the token ${token.label} of ${name}`);
    say('token-message', `Revoked the token "${token.label}" of ${name}.`, false);
    await loadTokens();
  } catch (error) {
    say('token-message', error.message, true);
  }
}

async function loadUsers() {
  renderUsers(await fetchJson('/api/admin/users', {}, 'loading the users'));
}

async function saveUser(event) {
  event.preventDefault();
  const name = userForm.elements.name.value.trim();
  const password = userForm.elements.password.value;
  if (!name) {
    say('user-message', 'Type a user name.', true);
    return;
  }
  if (password && password.length < MIN_PASSWORD_LENGTH) {
    say('user-message', `A password needs at least ${MIN_PASSWORD_LENGTH} characters.`, true);
    return;
  }
  const body = { role: userForm.elements.role.value };
  if (password) {
    body.password = password;
  }
  say('user-message', `Saving ${name}…`, false);
  try {
    const saved = await sendBody('PUT', userPath(name), JSON.stringify(body), 'application/json', `saving ${name}`);
    userForm.elements.password.value = '';
    say('user-message', `Saved ${saved.name} as ${saved.role}${saved.password ? ', who can sign in with the password' : ''}.`,
      false);
    await loadUsers();
    tokenUser.value = saved.name;
    await loadTokens();
  } catch (error) {
    say('user-message', error.message, true);
  }
}

async function createToken(event) {
  event.preventDefault();
  const name = tokenUser.value;
  if (!name) {
    say('token-message', 'Add a user first.', true);
    return;
  }
  const label = tokenForm.elements.label.value.trim() || 'api';
  document.getElementById('token-output').hidden = true;
  say('token-message', `Creating a token for ${name}…`, false);
  try {
    const answer = await sendBody('POST', `${userPath(name)}/tokens`, JSON.stringify({ label }), 'application/json',
      `creating a token for ${name}`);
    document.getElementById('token-output-user').textContent = answer.user;
    document.getElementById('token-value').textContent = answer.token;
    document.getElementById('token-output').hidden = false;
    tokenForm.elements.label.value = '';
    say('token-message', 'Token created.', false);
    await loadTokens();
  } catch (error) {
    say('token-message', error.message, true);
  }
}

async function start() {
  if (!(await guardPage('admin'))) {
    return;
  }
  userForm.addEventListener('submit', saveUser);
  tokenForm.addEventListener('submit', createToken);
  tokenUser.addEventListener('change', () => loadTokens().catch((error) => say('token-message', error.message, true)));
  await loadUsers();
  await loadTokens();
  renderAudit(await fetchJson('/api/admin/audit', { limit: AUDIT_ROWS }, 'loading the audit log'));
  show('ready', 'Add a user, change a role or password, or create an API token.');
}

start().catch((error) => show('error', error.message));
