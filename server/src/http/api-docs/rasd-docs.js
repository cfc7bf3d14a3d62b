// Loaded as a file, not inline, so the page keeps the strict Content-Security-Policy.
window.addEventListener('load', () => {
  window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#swagger-ui', deepLinking: true, validatorUrl: null });
});
