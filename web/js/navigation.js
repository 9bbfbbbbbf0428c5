/**
 * The viewer's pages and the roles that may use each, as the routes each page calls allow
 * (Access in the service's route table): a role is only shown, and only let into, the pages it
 * can use, so nobody meets a raw "403" after filling in a form.
 */
import { currentUser } from './api.js';
import { createElement } from './dom.js';

const SEES_POINTS = ['admin', 'analyst', 'police'];

export const PAGES = {
  profile: { label: 'Neighbourhood profiles', linkId: 'profile-link', roles: SEES_POINTS },
  planning: { label: 'CCTV and doorbell planning', linkId: 'planning-link', roles: ['admin', 'analyst'] },
  patrol: { label: 'Patrol planning', linkId: 'patrol-link', roles: SEES_POINTS },
  data: { label: 'Data: imports, populations and neighbourhoods', linkId: 'data-link', roles: ['admin', 'analyst'] },
  admin: { label: 'Users and tokens', linkId: 'admin-link', roles: ['admin'] },
};

export function mayUse(pageId, role) {
  return PAGES[pageId].roles.includes(role);
}

/** Hides the links to pages the role may not use. */
export function showAllowedLinks(role) {
  for (const [id, page] of Object.entries(PAGES)) {
    const link = document.getElementById(page.linkId);
    if (link) {
      link.hidden = !mayUse(id, role);
    }
  }
}

/**
 * Lets the signed-in user into the page, or replaces it with a plain explanation and a link
 * back to the map. Resolves to whether the page may go on.
 */
export async function guardPage(pageId) {
  const user = await currentUser();
  if (mayUse(pageId, user.role)) {
    return true;
  }
  const main = createElement('main', 'refused');
  main.id = 'page-refused';
  main.append(createElement('h1', null, PAGES[pageId].label),
    createElement('p', null, `This page is not available to ${user.name} (${user.role}).`));
  const back = createElement('a', null, 'Back to the map');
  back.href = '/viewer/';
  main.appendChild(createElement('p')).appendChild(back);
  document.body.replaceChildren(main);
  return false;
}
