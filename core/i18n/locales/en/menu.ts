/** The `menu` namespace in English: the desktop application menu (electron/main/menu.ts). */
export const menu = {
  file: 'File',
  newProject: 'New Project',
  open: 'Open…',
  save: 'Save',
  saveAs: 'Save As…',
  export: 'Export Tranche Report…',
  edit: 'Edit',
  undo: 'Undo',
  redo: 'Redo',
  deal: 'Deal',
  run: 'Run',
  view: 'View',
  /** Platform items: Electron's own labels are English whatever the app's language, so the app names them. */
  role: {
    quit: 'Quit',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select All',
    toggleDevTools: 'Toggle Developer Tools',
    resetZoom: 'Actual Size',
    zoomIn: 'Zoom In',
    zoomOut: 'Zoom Out',
  },
};
