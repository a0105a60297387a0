import { useTranslation } from 'react-i18next';

/**
 * Which columns a table has and in what order: every column offered, the
 * chosen ones first in their order, each with a box and arrows to move it.
 */
export function ColumnChooser({
  offered,
  chosen,
  onChange,
}: {
  offered: readonly { id: string; name: string }[];
  chosen: readonly string[];
  onChange: (columns: string[]) => void;
}) {
  const { t } = useTranslation();
  const name = new Map(offered.map((column) => [column.id, column.name]));
  const shown = [
    ...chosen.filter((id) => name.has(id)),
    ...offered.map((column) => column.id).filter((id) => !chosen.includes(id)),
  ];
  const kept = chosen.filter((id) => name.has(id));
  const move = (id: string, by: -1 | 1) => {
    const order = [...kept];
    const from = order.indexOf(id);
    const to = from + by;
    if (from < 0 || to < 0 || to >= order.length) return;
    [order[from], order[to]] = [order[to]!, order[from]!];
    onChange(order);
  };
  if (!offered.length) return <p className="muted">{t('report.options.noAttributes')}</p>;
  return (
    <fieldset className="column-chooser">
      <legend>{t('report.options.columns')}</legend>
      <ol>
        {shown.map((id) => {
          const index = kept.indexOf(id);
          const column = name.get(id)!;
          return (
            <li key={id}>
              <label>
                <input
                  type="checkbox"
                  checked={index >= 0}
                  onChange={(event) =>
                    onChange(
                      event.target.checked ? [...kept, id] : kept.filter((other) => other !== id),
                    )
                  }
                />
                {column}
              </label>
              {index >= 0 && (
                <span className="column-moves">
                  <button
                    type="button"
                    className="link"
                    disabled={index === 0}
                    aria-label={t('report.options.upColumn', { column })}
                    onClick={() => move(id, -1)}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="link"
                    disabled={index === kept.length - 1}
                    aria-label={t('report.options.downColumn', { column })}
                    onClick={() => move(id, 1)}
                  >
                    ↓
                  </button>
                </span>
              )}
            </li>
          );
        })}
      </ol>
    </fieldset>
  );
}
