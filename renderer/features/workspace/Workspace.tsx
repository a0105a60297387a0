import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectSummary } from '../../../shared/domain';
import { ProjectOverview } from './ProjectOverview';

export const workspaceSections = [
  'overview',
  'documents',
  'codebook',
  'cases',
  'guides',
  'analysis',
] as const;
export type WorkspaceSection = (typeof workspaceSections)[number];

/** The project's workspace: a sidebar of areas; later features fill the areas. */
export function Workspace({ project }: { project: ProjectSummary }) {
  const { t } = useTranslation();
  const [section, setSection] = useState<WorkspaceSection>('overview');
  return (
    <div className="workspace">
      <nav className="sidebar" aria-label={project.title}>
        <ul>
          {workspaceSections.map((name) => (
            <li key={name}>
              <button
                type="button"
                aria-current={section === name ? 'page' : undefined}
                onClick={() => setSection(name)}
              >
                {t(`workspace.sections.${name}`)}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <main className="workspace-main">
        {section === 'overview' ? (
          <ProjectOverview project={project} />
        ) : (
          <section aria-labelledby="section-heading">
            <h2 id="section-heading">{t(`workspace.sections.${section}`)}</h2>
            <p className="muted empty-state">{t(`workspace.empty.${section}`)}</p>
          </section>
        )}
      </main>
    </div>
  );
}
