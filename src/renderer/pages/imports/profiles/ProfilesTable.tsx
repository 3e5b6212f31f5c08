import { Fragment, useState } from 'react';
import type { ProfileSummary } from '../../../../shared/contract/import-files';
import { ENTITY_LABELS } from '../outcome-labels';
import { ProfileMapping } from './ProfileMapping';

interface ProfilesTableProps {
  profiles: ProfileSummary[];
  /** A profile just imported, marked so it is found in the list. */
  highlighted: string | null;
  /** The profile an export or delete is running for: its buttons wait. */
  busy: string | null;
  onExport: (name: string) => void;
  onDelete: (name: string) => void;
  /** A built-in profile was copied to a saved one under this name. */
  onCopied: (name: string) => void;
}

/** Every profile: what it reads, the header it is applied to, and what can be done with it. */
export function ProfilesTable({ profiles, highlighted, busy, onExport, onDelete, onCopied }: ProfilesTableProps) {
  const [opened, setOpened] = useState<string | null>(null);
  const names = profiles.map((p) => p.name);
  return (
    <table className="profiles-table" data-testid="profiles-table">
      <caption className="visually-hidden">Mapping profiles</caption>
      <thead>
        <tr>
          <th scope="col">Profile</th>
          <th scope="col">File holds</th>
          <th scope="col">Header it matches</th>
          <th scope="col">Kind</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {profiles.map((profile) => (
          <Fragment key={profile.name}>
          <tr
            key={profile.name}
            className={profile.name === highlighted ? 'profile-row profile-row-new' : 'profile-row'}
            data-profile={profile.name}
            data-built-in={profile.builtIn}
            data-testid="profile-row"
          >
            <th scope="row" className="profile-name-cell">
              <span className="profile-name">{profile.name}</span>
              {profile.description && <span className="profile-description">{profile.description}</span>}
            </th>
            <td className="profile-entity">{ENTITY_LABELS[profile.entity]}</td>
            <td>
              <HeaderColumns header={profile.header} />
            </td>
            <td>
              <span className={profile.builtIn ? 'badge profile-kind-built-in' : 'badge profile-kind-saved'}>{profile.builtIn ? 'Built in' : 'Saved'}</span>
            </td>
            <td>
              <div className="profile-actions">
                <button
                  type="button"
                  className="button button-small"
                  onClick={() => setOpened(opened === profile.name ? null : profile.name)}
                  aria-expanded={opened === profile.name}
                  aria-label={`${opened === profile.name ? 'Hide' : 'Show'} the mapping of ${profile.name}${profile.builtIn ? ', or copy it' : ''}`}
                  data-testid="profile-view"
                >
                  {opened === profile.name ? 'Hide mapping' : profile.builtIn ? 'Mapping / copy' : 'Mapping'}
                </button>
                <button
                  type="button"
                  className="button button-small"
                  onClick={() => onExport(profile.name)}
                  disabled={busy === profile.name}
                  aria-label={`Export ${profile.name} to a JSON file`}
                  data-testid="profile-export"
                >
                  Export…
                </button>
                {profile.builtIn ? (
                  <span className="profile-action-note" title="Built-in profiles come with Closebook and cannot be deleted">
                    Cannot be deleted
                  </span>
                ) : (
                  <button
                    type="button"
                    className="button button-small"
                    onClick={() => onDelete(profile.name)}
                    disabled={busy === profile.name}
                    aria-label={`Delete ${profile.name}`}
                    data-testid="profile-delete"
                  >
                    Delete…
                  </button>
                )}
              </div>
            </td>
          </tr>
          {opened === profile.name && (
            <tr className="profile-mapping-row">
              <td colSpan={5}>
                <ProfileMapping
                  name={profile.name}
                  entity={profile.entity}
                  builtIn={profile.builtIn}
                  names={names}
                  onCopied={(name) => {
                    setOpened(null);
                    onCopied(name);
                  }}
                />
              </td>
            </tr>
          )}
          </Fragment>
        ))}
      </tbody>
    </table>
  );
}

const SHOWN = 5;

/** A header's columns as chips: the first few, the rest on request. */
function HeaderColumns({ header }: { header: string[] }) {
  const [all, setAll] = useState(false);
  const shown = all ? header : header.slice(0, SHOWN);
  return (
    <div className="profile-header" data-testid="profile-header" data-columns={header.length}>
      <ul className="header-chips">
        {shown.map((column, index) => (
          <li key={index} className="header-chip">
            {column}
          </li>
        ))}
      </ul>
      {header.length > SHOWN && (
        <button type="button" className="button-text" onClick={() => setAll(!all)} aria-expanded={all}>
          {all ? 'Fewer' : `+${header.length - SHOWN} more`}
        </button>
      )}
    </div>
  );
}
