// The console's only way to the server: the public HTTP API under /api, signed in by the console's session.
import { showProblem } from './ui.js';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The CSRF token the server keeps in the XSRF-TOKEN cookie; sent back on every state-changing request. */
export function csrfToken() {
  const match = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='));
  return match ? decodeURIComponent(match.substring('XSRF-TOKEN='.length)) : '';
}

/** A refused request: the HTTP status and the server's problem document (RFC 9457). */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || String(status));
    this.status = status;
    this.problem = problem;
  }
}

async function request(method, path, { body, quiet = false, accept } = {}) {
  const headers = {
    Accept: accept || 'application/json, application/problem+json',
    // Tells the server not to answer 401 with a Basic challenge (the browser's own password dialog).
    'X-Requested-With': 'XMLHttpRequest',
  };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  if (!SAFE.has(method)) {
    headers['X-XSRF-TOKEN'] = csrfToken();
  }
  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 401) {
    location.assign('/login');
    throw new ApiError(401, { code: 'UNAUTHENTICATED', detail: '登录已过期' });
  }
  const type = response.headers.get('Content-Type') || '';
  const data = type.includes('json') ? await response.json() : await response.text();
  if (!response.ok) {
    const error = new ApiError(response.status, typeof data === 'object' && data !== null ? data : { detail: data });
    if (!quiet) {
      showProblem(error);
    }
    throw error;
  }
  return data;
}

/** Uploads one file as multipart/form-data (POST /api/attachments); the browser sets the boundary. */
async function upload(path, file) {
  const form = new FormData();
  form.append('file', file, file.name);
  const response = await fetch(path, {
    method: 'POST',
    headers: { Accept: 'application/json, application/problem+json', 'X-Requested-With': 'XMLHttpRequest',
      'X-XSRF-TOKEN': csrfToken() },
    credentials: 'same-origin',
    body: form,
  });
  if (response.status === 401) {
    location.assign('/login');
    throw new ApiError(401, { code: 'UNAUTHENTICATED', detail: '登录已过期' });
  }
  const data = (response.headers.get('Content-Type') || '').includes('json') ? await response.json() : {};
  if (!response.ok) {
    const error = new ApiError(response.status, data);
    showProblem(error);
    throw error;
  }
  return data;
}

export const api = {
  upload,
  get: (path, options) => request('GET', path, options),
  text: (path, options) => request('GET', path, { ...options, accept: 'text/plain' }),
  post: (path, body, options) => request('POST', path, { ...options, body: body ?? {} }),
  put: (path, body, options) => request('PUT', path, { ...options, body }),
};

/** Builds a query string from the non-empty values of an object. */
export function query(params) {
  const search = new URLSearchParams();
  Object.entries(params).forEach(([key, value]) => {
    if (value !== undefined && value !== null && value !== '') {
      search.set(key, value);
    }
  });
  const text = search.toString();
  return text ? `?${text}` : '';
}
