import { FileButton } from '../../components/FileButton';
import type { RefObject } from 'react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentSummary } from '../../../shared/documents';
import type { Recording } from '../../../shared/recordings';
import { formatTime, timestampMark } from '../../../shared/text/time';
import { useApi } from '../../api/context';
import { mediaUrl } from '../../api/transport';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useAction } from '../../components/useAction';
import type { EditorTools } from '../editor/TranscriptEditor';
import { useProjectData } from '../project/ProjectData';
import { uploadRecording } from './mediaUpload';
import { SEEK_EVENT } from './seekEvent';
import { useTurnSync } from './useTurnSync';

const speeds = [0.5, 0.75, 1, 1.25, 1.5, 2];
const keys = ['F2', 'F3', 'F4', 'F6', 'F7', 'F8', 'F9', 'F10'];

/**
 * The recording of a transcript, docked beside it: the browser engine's own
 * player with the controls transcribers use, and a transcription mode driven
 * from the keyboard (play/pause with auto-rewind, timestamp, next turn).
 */
export function RecordingPanel({
  document,
  tools,
}: {
  document: DocumentSummary;
  tools: RefObject<EditorTools | null>;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const { history } = useProjectData();
  const [recordings, setRecordings] = useState<Recording[]>([]);
  const [progress, setProgress] = useState<{ sent: number; total: number } | null>(null);
  const cancelUpload = useRef(false);
  const player = useRef<HTMLMediaElement | null>(null);
  const [playing, setPlaying] = useState(false);
  const [position, setPosition] = useState(0);
  const [duration, setDuration] = useState(0);
  const [speed, setSpeed] = useState(1);
  const [volume, setVolume] = useState(1);
  const [skip, setSkip] = useState(5);
  const [rewind, setRewind] = useState(2);
  const [transcribing, setTranscribing] = useState(false);
  const [playKey, setPlayKey] = useState('F4');
  const [follow, setFollow] = useState(true);
  const { pending, error, run } = useAction();
  const recording = recordings[0] ?? null;

  const load = useCallback(async () => {
    setRecordings(await api['recordings.list']({ documentId: document.id }));
  }, [api, document.id]);
  useEffect(() => {
    void run(load);
  }, [run, load, history.undoLabel, history.redoLabel]);

  useEffect(() => {
    const element = player.current;
    if (!element) return;
    element.playbackRate = speed;
    element.preservesPitch = true;
    element.volume = volume;
  }, [speed, volume, recording?.id]);

  const seek = useCallback((milliseconds: number) => {
    const element = player.current;
    if (!element) return;
    element.currentTime = Math.max(0, milliseconds / 1000);
    setPosition(element.currentTime);
  }, []);
  const togglePlay = useCallback(
    (withRewind: boolean) => {
      const element = player.current;
      if (!element) return;
      if (element.paused) {
        // Resuming after typing, the transcriber hears the last words again.
        if (withRewind && element.currentTime > 0)
          element.currentTime = Math.max(0, element.currentTime - rewind);
        void element.play().catch(() => undefined);
      } else element.pause();
    },
    [rewind],
  );

  // A click on a turn's time, or "play from here" on a passage, seeks the player.
  useEffect(() => {
    const onSeek = (event: Event) => {
      const { time, play } = (event as CustomEvent<{ time: number; play: boolean }>).detail;
      seek(time);
      if (play) void player.current?.play().catch(() => undefined);
    };
    window.addEventListener(SEEK_EVENT, onSeek);
    return () => window.removeEventListener(SEEK_EVENT, onSeek);
  }, [seek]);
  useTurnSync(Boolean(recording), follow, position * 1000);

  // Transcription mode: the keys work wherever the caret is, the transcript included.
  useEffect(() => {
    if (!transcribing || !recording) return;
    const onKey = (event: KeyboardEvent) => {
      const time = Math.round((player.current?.currentTime ?? 0) * 1000);
      if (event.key === playKey) {
        event.preventDefault();
        togglePlay(true);
      } else if (event.key === 'F8' && playKey !== 'F8') {
        event.preventDefault();
        tools.current?.insertText(timestampMark(time));
      } else if (event.key === 'F9' && playKey !== 'F9') {
        event.preventDefault();
        // The next speaker: the other one of the transcript's two main speakers.
        const current = tools.current?.currentSpeaker() ?? null;
        const next = document.speakers.find((speaker) => speaker !== current) ?? current;
        tools.current?.newTurn(next, time);
      } else if (event.altKey && event.ctrlKey && /^[1-9]$/.test(event.key)) {
        const speaker = document.speakers[Number(event.key) - 1];
        if (!speaker) return;
        event.preventDefault();
        tools.current?.newTurn(speaker, time);
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [transcribing, recording, playKey, togglePlay, tools, document.speakers]);

  const attach = (file: File) =>
    void run(async () => {
      cancelUpload.current = false;
      setProgress({ sent: 0, total: file.size });
      try {
        const attached = await uploadRecording(
          api,
          document.id,
          file,
          (sent, total) => setProgress({ sent, total }),
          () => cancelUpload.current,
        );
        if (attached) {
          await load();
        }
      } finally {
        setProgress(null);
      }
    });

  const isVideo = recording?.mimeType.startsWith('video/') ?? false;
  const playerProps = recording
    ? {
        ref: (element: HTMLMediaElement | null) => {
          player.current = element;
        },
        src: mediaUrl(recording.id),
        preload: 'metadata' as const,
        'data-testid': 'recording-player',
        onPlay: () => setPlaying(true),
        onPause: () => setPlaying(false),
        onTimeUpdate: (event: React.SyntheticEvent<HTMLMediaElement>) =>
          setPosition(event.currentTarget.currentTime),
        onLoadedMetadata: (event: React.SyntheticEvent<HTMLMediaElement>) =>
          setDuration(event.currentTarget.duration),
      }
    : null;
  return (
    <section className="card recording-panel" aria-labelledby="recording-heading">
      <h2 id="recording-heading">{t('recordings.heading')}</h2>
      {recording ? (
        <>
          <p className="muted recording-name">{recording.fileName}</p>
          {isVideo ? (
            <video className="recording-video" {...playerProps} />
          ) : (
            <audio {...playerProps} />
          )}
          <div className="player-controls">
            <button type="button" onClick={() => seek((position - skip) * 1000)}>
              {t('recordings.back', { seconds: skip })}
            </button>
            <button type="button" className="primary" onClick={() => togglePlay(false)}>
              {playing ? t('recordings.pause') : t('recordings.play')}
            </button>
            <button type="button" onClick={() => seek((position + skip) * 1000)}>
              {t('recordings.forward', { seconds: skip })}
            </button>
            <span className="player-time" data-testid="player-time">
              {formatTime(position * 1000)} / {formatTime((duration || 0) * 1000)}
            </span>
          </div>
          <input
            type="range"
            aria-label={t('recordings.position')}
            min={0}
            max={duration || 0}
            step={0.1}
            value={Math.min(position, duration || 0)}
            onChange={(event) => seek(Number(event.target.value) * 1000)}
          />
          <div className="player-settings">
            <label className="field">
              <span>{t('recordings.speed')}</span>
              <select value={speed} onChange={(event) => setSpeed(Number(event.target.value))}>
                {speeds.map((value) => (
                  <option key={value} value={value}>
                    {value}×
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span>{t('recordings.volume')}</span>
              <input
                type="range"
                min={0}
                max={1}
                step={0.05}
                value={volume}
                onChange={(event) => setVolume(Number(event.target.value))}
              />
            </label>
            <label className="field">
              <span>{t('recordings.skip')}</span>
              <input
                type="number"
                min={1}
                max={60}
                value={skip}
                onChange={(event) => setSkip(Math.max(1, Number(event.target.value) || 5))}
              />
            </label>
            <label className="checkbox">
              <input
                type="checkbox"
                checked={follow}
                onChange={(event) => setFollow(event.target.checked)}
              />
              <span>{t('recordings.follow')}</span>
            </label>
          </div>
          <label className="checkbox">
            <input
              type="checkbox"
              name="transcription-mode"
              checked={transcribing}
              onChange={(event) => setTranscribing(event.target.checked)}
            />
            <span>{t('recordings.transcriptionMode')}</span>
          </label>
          {transcribing && (
            <div className="transcription-settings">
              <label className="field">
                <span>{t('recordings.playKey')}</span>
                <select value={playKey} onChange={(event) => setPlayKey(event.target.value)}>
                  {keys.map((key) => (
                    <option key={key} value={key}>
                      {key}
                    </option>
                  ))}
                </select>
              </label>
              <label className="field">
                <span>{t('recordings.rewind')}</span>
                <input
                  type="number"
                  min={0}
                  max={10}
                  value={rewind}
                  onChange={(event) => setRewind(Math.max(0, Number(event.target.value) || 0))}
                />
              </label>
              <p className="hint">{t('recordings.keys', { key: playKey })}</p>
            </div>
          )}
          <button
            type="button"
            className="link danger"
            onClick={() =>
              void run(async () => {
                await api['recordings.remove']({ id: recording.id });
                await load();
              })
            }
          >
            {t('recordings.remove')}
          </button>
        </>
      ) : (
        <p className="muted">{t('recordings.none')}</p>
      )}
      {progress ? (
        <div className="upload-progress" role="status">
          <span>
            {t('recordings.uploading', {
              sent: Math.round(progress.sent / 1048576),
              total: Math.round(progress.total / 1048576),
            })}
          </span>
          <progress max={progress.total} value={progress.sent} />
          <button type="button" onClick={() => (cancelUpload.current = true)}>
            {t('common.cancel')}
          </button>
        </div>
      ) : (
        !recording && (
          <FileButton
            label={t('recordings.attach')}
            name="recording-file"
            accept="audio/*,video/*,.mp3,.m4a,.aac,.wav,.ogg,.opus,.webm,.mp4"
            disabled={pending}
            onFiles={([file]) => {
              if (file) attach(file);
            }}
          />
        )
      )}
      <ErrorMessage error={error} />
    </section>
  );
}
