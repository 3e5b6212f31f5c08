import type { importFilesMethods } from '../../shared/contract/import-files';
import type { HandlerSlice } from '../api/registry';
import { inspectFile } from './files/inspect-file';
import { checkFile, commitFile } from './files/run-file-import';
import { stageUpload } from './files/staged-uploads';
import { exportProfileFile, importProfileFile } from './profiles/profile-file';
import { deleteProfile, getProfile, listProfiles, saveProfile } from './profiles/profile-store';

/** Importing files (inspect, check, commit) and the mapping profiles that read them. */
export const importFilesHandlers: HandlerSlice<keyof typeof importFilesMethods> = {
  'imports.upload': ({ name, path }) => stageUpload(path, name),
  'imports.inspect': (input, { workspace }) => inspectFile(workspace.db, input),
  'imports.check': (input, { workspace, progress, signal }) => checkFile(workspace.db, input, { progress, signal }),
  'imports.commit': (input, { workspace, progress, signal }) => commitFile(workspace.db, input, { progress, signal }),
  'profiles.list': ({ entity }, { workspace }) => ({ profiles: listProfiles(workspace.db, entity) }),
  'profiles.get': ({ name }, { workspace }) => {
    const { profile, builtIn } = getProfile(workspace.db, name);
    return { ...profile, builtIn };
  },
  'profiles.save': ({ profile }, { workspace }) => saveProfile(workspace.db, profile),
  'profiles.delete': ({ name }, { workspace }) => deleteProfile(workspace.db, name),
  'profiles.exportFile': ({ name, path }, { workspace }) => exportProfileFile(workspace.db, name, path),
  'profiles.importFile': ({ path }, { workspace }) => importProfileFile(workspace.db, path),
};
