/** The open-data pages are public pages: the same frame, navigation and note as /public. */
export { default } from '@/app/public/layout';
