/**
 * The classroom page's public face (Node side): building the self-contained page and
 * serving it on localhost. The browser code lives in ./page.
 */
export { buildClassroomPage, embeddedScenarios, type ClassroomPageOptions } from './build';
export { serveClassroom, type ServedPage } from './serve';
