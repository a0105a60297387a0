import { useSingleFlight } from '../../components/useSingleFlight';
import { useMemo, useState } from 'react';
import { formatNumber } from '../../components/formatNumber';
import { useTranslation } from 'react-i18next';
import type { CodeNode } from '../../../shared/documents';
import { useApi } from '../../api/context';
import { CODE_DRAG_TYPE } from './dragTypes';
import { useProjectData } from '../project/ProjectData';
import { CodeDetails } from './CodeDetails';
import type { CodeTreeNode } from './codeTree';
import { buildCodeTree, foldForFilter } from './codeTree';
import { CoderViewSelect } from '../coders/CoderViewSelect';
import { useShownCounts } from '../coders/useShownCounts';

/** Matches the filter itself or through a descendant, so the path to a match stays visible. */
function visibleIds(tree: CodeTreeNode[], needle: string): Set<string> | null {
  if (!needle) return null;
  const visible = new Set<string>();
  const visit = (node: CodeTreeNode): boolean => {
    const childMatches = node.children.map(visit).some(Boolean);
    const matches = foldForFilter(node.code.name).includes(needle) || childMatches;
    if (matches) visible.add(node.code.id);
    return matches;
  };
  tree.forEach(visit);
  return visible;
}

/**
 * The codebook beside the editor: axes, variables and codes with their counts;
 * add, rename, recolour, move (drag and drop, or Alt+arrows), merge, delete;
 * apply a code to the selected text.
 */
export function CodebookPanel({
  canApply,
  onApply,
}: {
  canApply: boolean;
  onApply: (codeId: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const { codes, showError, readOnly } = useProjectData();
  const [filter, setFilter] = useState('');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());
  const [adding, setAdding] = useState<{ parentId: string | null; name: string } | null>(null);
  const counted = useShownCounts(codes);
  const tree = useMemo(() => buildCodeTree(counted), [counted]);
  const visible = useMemo(() => visibleIds(tree, foldForFilter(filter.trim())), [tree, filter]);
  const selected = codes.find((code) => code.id === selectedId) ?? null;

  const run = async (action: () => Promise<unknown>) => {
    try {
      await action();
    } catch (error) {
      showError(error);
    }
  };
  // A double-click on Add made the code, then found its name taken.
  const once = useSingleFlight();

  const siblingsOf = (code: CodeNode) =>
    codes.filter((candidate) => candidate.parentId === code.parentId);
  const moveByKeyboard = (code: CodeNode, key: string) => {
    const siblings = siblingsOf(code);
    const index = siblings.findIndex((sibling) => sibling.id === code.id);
    if (key === 'ArrowUp' && index > 0) return { parentId: code.parentId, index: index - 1 };
    if (key === 'ArrowDown' && index < siblings.length - 1)
      return { parentId: code.parentId, index: index + 1 };
    if (key === 'ArrowRight' && index > 0) {
      const newParent = siblings[index - 1]!;
      return {
        parentId: newParent.id,
        index: codes.filter((candidate) => candidate.parentId === newParent.id).length,
      };
    }
    if (key === 'ArrowLeft' && code.parentId) {
      const parent = codes.find((candidate) => candidate.id === code.parentId);
      if (!parent) return null;
      const parentIndex = siblingsOf(parent).findIndex((sibling) => sibling.id === parent.id);
      return { parentId: parent.parentId, index: parentIndex + 1 };
    }
    return null;
  };

  const renderNode = (node: CodeTreeNode) => {
    const { code } = node;
    if (visible && !visible.has(code.id)) return null;
    const isCollapsed = collapsed.has(code.id) && !visible;
    return (
      <li
        key={code.id}
        role="treeitem"
        aria-expanded={node.children.length ? !isCollapsed : undefined}
        aria-selected={code.id === selectedId}
      >
        <div
          className={`code-row${code.id === selectedId ? ' selected' : ''}`}
          data-code-id={code.id}
          draggable
          tabIndex={0}
          onDragStart={(event) => {
            event.dataTransfer.setData(CODE_DRAG_TYPE, code.id);
            event.dataTransfer.effectAllowed = 'copyMove';
          }}
          onDragOver={(event) => {
            if (event.dataTransfer.types.includes(CODE_DRAG_TYPE)) event.preventDefault();
          }}
          onDrop={(event) => {
            const draggedId = event.dataTransfer.getData(CODE_DRAG_TYPE);
            event.preventDefault();
            if (!draggedId || draggedId === code.id) return;
            void run(() =>
              api['codes.move']({ id: draggedId, parentId: code.id, index: node.children.length }),
            );
          }}
          onClick={() => setSelectedId(code.id)}
          onKeyDown={(event) => {
            if (event.altKey) {
              const target = moveByKeyboard(code, event.key);
              if (target) {
                event.preventDefault();
                void run(() => api['codes.move']({ id: code.id, ...target }));
              }
            } else if (event.key === 'Enter' && canApply && code.codable) {
              onApply(code.id);
            }
          }}
        >
          <button
            type="button"
            className="twisty"
            aria-label={isCollapsed ? t('codebook.expand') : t('codebook.collapse')}
            disabled={node.children.length === 0}
            onClick={(event) => {
              event.stopPropagation();
              setCollapsed((current) => {
                const next = new Set(current);
                if (next.has(code.id)) next.delete(code.id);
                else next.add(code.id);
                return next;
              });
            }}
          >
            {node.children.length === 0 ? '' : isCollapsed ? '▸' : '▾'}
          </button>
          <span className="swatch" style={{ background: code.colour }} />
          <span className={`code-name${code.codable ? '' : ' grouping'}`}>{code.name}</span>
          <span
            className="count"
            title={t('codebook.countTitle', { own: code.codingCount, total: node.totalCodings })}
          >
            {formatNumber(node.totalCodings, i18n.language)}
          </span>
          {canApply && code.codable && !readOnly && (
            <button
              type="button"
              className="apply-code"
              aria-label={t('codebook.apply', { name: code.name })}
              onMouseDown={(event) => event.preventDefault()}
              onClick={(event) => {
                event.stopPropagation();
                onApply(code.id);
              }}
            >
              +
            </button>
          )}
          {!readOnly && (
            <button
              type="button"
              className="add-child"
              aria-label={t('codebook.addChild', { name: code.name })}
              onClick={(event) => {
                event.stopPropagation();
                setAdding({ parentId: code.id, name: '' });
              }}
            >
              ⊕
            </button>
          )}
        </div>
        {adding?.parentId === code.id && renderAddForm()}
        {!isCollapsed && node.children.length > 0 && (
          <ul role="group">{node.children.map(renderNode)}</ul>
        )}
      </li>
    );
  };

  const renderAddForm = () =>
    adding && (
      <form
        className="add-code"
        onSubmit={(event) => {
          event.preventDefault();
          const name = adding.name.trim();
          if (!name) return;
          void once('create', () =>
            run(async () => {
              const created = await api['codes.create']({ parentId: adding.parentId, name });
              setSelectedId(created.id);
              setAdding(null);
            }),
          );
        }}
      >
        <input
          autoFocus
          aria-label={adding.parentId ? t('codebook.newChildName') : t('codebook.newAxisName')}
          placeholder={adding.parentId ? t('codebook.newChildName') : t('codebook.newAxisName')}
          value={adding.name}
          onChange={(event) => setAdding({ ...adding, name: event.target.value })}
          onKeyDown={(event) => {
            if (event.key === 'Escape') setAdding(null);
          }}
        />
        <button type="submit">{t('codebook.add')}</button>
      </form>
    );

  return (
    <aside className="codebook-panel" aria-label={t('workspace.sections.codebook')}>
      <div className="codebook-header">
        <h2>{t('workspace.sections.codebook')}</h2>
        {!readOnly && (
          <button type="button" onClick={() => setAdding({ parentId: null, name: '' })}>
            {t('codebook.addAxis')}
          </button>
        )}
      </div>
      <CoderViewSelect />
      <input
        type="search"
        className="codebook-filter"
        aria-label={t('codebook.filter')}
        placeholder={t('codebook.filter')}
        value={filter}
        onChange={(event) => setFilter(event.target.value)}
      />
      {adding?.parentId === null && renderAddForm()}
      {codes.length === 0 && !adding && (
        <p className="muted empty-state">{t('workspace.empty.codebook')}</p>
      )}
      <ul
        className="code-tree"
        role="tree"
        aria-label={t('workspace.sections.codebook')}
        onDragOver={(event) => {
          if (event.dataTransfer.types.includes(CODE_DRAG_TYPE)) event.preventDefault();
        }}
        onDrop={(event) => {
          if (event.defaultPrevented) return;
          const draggedId = event.dataTransfer.getData(CODE_DRAG_TYPE);
          if (draggedId)
            void run(() =>
              api['codes.move']({ id: draggedId, parentId: null, index: tree.length }),
            );
        }}
      >
        {tree.map(renderNode)}
      </ul>
      {selected && (
        <CodeDetails key={selected.id} code={selected} onDeleted={() => setSelectedId(null)} />
      )}
    </aside>
  );
}
