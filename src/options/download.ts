/** The options page saves files through the shared helper (the popup's error screen saves a backup too). */
export { datedName, downloadText } from '../ui/download';
