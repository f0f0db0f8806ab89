import 'server-only';

/**
 * The road-map domain API: every function takes the actor and checks it on the road map's scope
 * (`roadmap.read` / `roadmap.write` / `roadmap.review`); writes run in one transaction with their audit entries
 * and carry the version they read (stale → `conflict`). Implementations live in the files re-exported here.
 */
export type * from './views';
export { listRoadmaps, createRoadmap, updateRoadmap, deleteRoadmap, roadmapHistory } from './roadmap-queries';
export { getRoadmap } from './detail';
export { createSection, updateSection, createItem, updateItem, deleteItem, setItemsStatus, itemHistory } from './item-queries';
export { addProgressReport, openEvidenceFile } from './report-queries';
export { submitRoadmap, commentOnReview, approveRoadmap, returnRoadmap } from './review-queries';
export { importRoadmapTable, type RoadmapImportInput } from './import-commit';
export { exportRoadmap } from './export';
