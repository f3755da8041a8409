import type { Catalog } from '../../catalog';
import type { menu as en } from '../en/menu';

export const menu: Catalog<typeof en> = {
  file: '文件',
  newProject: '新建项目',
  open: '打开…',
  save: '保存',
  saveAs: '另存为…',
  export: '导出$t(glossary:report)…',
  edit: '编辑',
  undo: '撤销',
  redo: '重做',
  deal: '交易',
  run: '测算',
  view: '视图',
  role: {
    quit: '退出',
    cut: '剪切',
    copy: '复制',
    paste: '粘贴',
    selectAll: '全选',
    toggleDevTools: '切换开发者工具',
    resetZoom: '实际大小',
    zoomIn: '放大',
    zoomOut: '缩小',
  },
};
