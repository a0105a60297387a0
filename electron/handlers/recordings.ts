import type { recordingsContract } from '../../shared/contract/recordings';
import type { DomainHandlers } from '../api/handlers';
import {
  attachRecording,
  discardChunks,
  listRecordings,
  removeRecording,
  writeChunk,
} from '../store/recordings';

export const recordingsHandlers: DomainHandlers<typeof recordingsContract> = {
  'recordings.list': (context, { documentId }) =>
    listRecordings(context.session.require().db, documentId),
  'recordings.uploadChunk': (context, { recordingId, index, data }) => {
    writeChunk(context.session.require().db, recordingId, index, data);
    return null;
  },
  'recordings.attach': (context, input) => {
    const { db, history } = context.session.require();
    return history.run(db, 'attachRecording', (changes) => attachRecording(db, changes, input));
  },
  'recordings.discard': (context, { recordingId }) => {
    discardChunks(context.session.require().db, recordingId);
    return null;
  },
  'recordings.remove': (context, { id }) => {
    const { db, history } = context.session.require();
    history.run(db, 'removeRecording', (changes) => removeRecording(db, changes, id));
    return null;
  },
};
