import path from 'node:path';
import express, { Router } from 'express';
import { getAbsoluteFSPath } from 'swagger-ui-dist';

const ownFiles = path.join(import.meta.dirname, 'api-docs');

/** The API documentation page: the bundled Swagger UI reading /api/openapi.json, nothing from the internet. */
export function apiDocsRoutes(): Router {
  const router = Router();
  router.get(['/api/docs', '/api/docs/'], (req, res, next) => {
    if (!req.path.endsWith('/')) return res.redirect(301, '/api/docs/');
    res.sendFile(path.join(ownFiles, 'index.html'), (err) => err && next(err));
  });
  router.use('/api/docs', express.static(ownFiles, { index: false }), express.static(getAbsoluteFSPath(), { index: false }));
  return router;
}
