// The login form sends the CSRF token the server set as a cookie (the form posts to Spring Security's /login).
import { csrfToken } from './api.js';

const params = new URLSearchParams(location.search);
document.getElementById('login-error').hidden = !params.has('error');
document.getElementById('login-out').hidden = !params.has('logout');
document.getElementById('login-throttled').hidden = !params.has('throttled');
document.getElementById('retry-after').textContent = params.get('throttled') || '';
document.getElementById('login-form').addEventListener('submit', () => {
  document.getElementById('csrf').value = csrfToken();
});
