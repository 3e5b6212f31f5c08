import type { ImportQuestion, Mapping } from '../../../../shared/contract/import-files';
import type { ImportEntity } from '../../../../shared/contract/imports';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { answerOf, questionKey } from './mapping-edit';
import { PreviewGrid } from './PreviewGrid';
import type { Inspection } from './use-inspection';

interface QuestionsStepProps {
  entity: ImportEntity;
  questions: ImportQuestion[];
  mapping: Mapping;
  onAnswer: (question: ImportQuestion, value: string) => void;
  /** The file read with the answers so far: its preview, or why it cannot be read that way. */
  inspection: Inspection;
}

const KIND_TITLES: Record<ImportQuestion['kind'], string> = {
  number_convention: 'How are amounts written?',
  date_format: 'How are dates written?',
  encoding: 'Which encoding is the file in?',
  delimiter: 'What separates the columns?',
};

/**
 * Step 3: what the file leaves open. Each reading is shown with what the file's own
 * values would become, and nothing is guessed: every question needs an answer.
 */
export function QuestionsStep({ entity, questions, mapping, onAnswer, inspection }: QuestionsStepProps) {
  if (questions.length === 0) {
    return (
      <div className="wizard-step" data-step="questions">
        <p className="wizard-lead" data-testid="import-no-questions">
          Nothing is ambiguous in this file: every date and amount reads one way only.
        </p>
      </div>
    );
  }
  return (
    <div className="wizard-step" data-step="questions">
      <p className="wizard-lead">The file can be read more than one way. Choose the reading that matches how it was written.</p>
      {questions.map((question) => {
        const key = questionKey(question);
        const answer = answerOf(mapping, question);
        const name = `question-${key}`;
        return (
          <fieldset key={key} className="question" data-testid={name} data-answered={answer !== null}>
            <legend className="question-title">
              {KIND_TITLES[question.kind]}
              {question.column && <span className="muted"> · column “{question.column}”</span>}
            </legend>
            <p className="question-message">{question.message}</p>
            <div className="question-choices">
              {question.choices.map((choice) => {
                const id = `${name}-${choice.value}`;
                return (
                  <label key={choice.value} className={answer === choice.value ? 'choice choice-selected' : 'choice'} htmlFor={id}>
                    <input
                      id={id}
                      type="radio"
                      name={name}
                      value={choice.value}
                      checked={answer === choice.value}
                      onChange={() => onAnswer(question, choice.value)}
                      data-testid={`answer-${key}-${choice.value}`}
                    />
                    <span className="choice-body">
                      <span className="choice-label">{choice.label}</span>
                      {choice.examples.length > 0 && (
                        <span className="choice-examples">
                          {choice.examples.map((example, index) => (
                            <code key={index}>{example}</code>
                          ))}
                        </span>
                      )}
                    </span>
                  </label>
                );
              })}
            </div>
          </fieldset>
        );
      })}
      <AnswersPreview entity={entity} mapping={mapping} inspection={inspection} />
    </div>
  );
}

/** Each answer is read back at once: the preview shows the rows as now read, or why they cannot be (an encoding that does not fit names the row). */
function AnswersPreview({ entity, mapping, inspection }: Pick<QuestionsStepProps, 'entity' | 'mapping' | 'inspection'>) {
  const { inspection: result, loading, error, reload } = inspection;
  return (
    <>
      {error && <ErrorNotice error={error} title="The file cannot be read with these answers" onRetry={reload} />}
      <p className="wizard-updating" aria-live="polite">
        {loading ? 'Updating the preview…' : ''}
      </p>
      {result && !error && <PreviewGrid entity={entity} inspection={result} mapping={mapping} />}
    </>
  );
}
