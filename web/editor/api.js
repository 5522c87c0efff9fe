// Fetch wrappers for the JSON API. Failures become Errors carrying the server's message.

async function call(method, path, body) {
  const init = { method, headers: { Accept: 'application/json' }, credentials: 'same-origin' };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (e) {
    throw new Error('The server cannot be reached; your work is kept in this browser');
  }
  const text = await response.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
  if (!response.ok) {
    const error = new Error((json && json.error) || `The server answered ${response.status}`);
    error.status = response.status;
    error.block = json && json.block;
    throw error;
  }
  return json;
}

export const blockTypes = () => call('GET', '/api/blocks');
export const loadPipe = id => call('GET', `/api/pipes/${encodeURIComponent(id)}`);
export const createPipe = body => call('POST', '/api/pipes', body);
export const updatePipe = (id, body) => call('PUT', `/api/pipes/${encodeURIComponent(id)}`, body);
export const loadTemplate = id => call('GET', `/api/templates/${encodeURIComponent(id)}`);
