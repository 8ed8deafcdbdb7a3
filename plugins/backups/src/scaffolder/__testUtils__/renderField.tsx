import { discoveryApiRef, fetchApiRef } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import {
  MockFetchApi,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { ComponentType, useState } from 'react';
import { backupsApiRef, BackupsClient } from '../../api';
import { baseUrl, odoo } from '../../__testUtils__/renderBackupsTab';
import { RestoreForm } from '../restoreForm';

type Field = ComponentType<FieldExtensionComponentProps<string>>;

/** The field as the scaffolder's form holds it: its value in state, the other fields in formContext. */
function Harness(props: {
  field: Field;
  form: RestoreForm;
  initial?: string;
  onChange: (value: string | undefined) => void;
}) {
  const { field: FieldComponent, form, initial, onChange } = props;
  const [value, setValue] = useState(initial);
  return (
    <FieldComponent
      name="field"
      schema={{ title: 'The field', type: 'string' }}
      uiSchema={{}}
      idSchema={{ $id: 'root_field' } as any}
      formData={value}
      formContext={{ formData: { ...form, field: value } }}
      onChange={v => {
        onChange(v);
        setValue(v);
      }}
      onBlur={() => {}}
      onFocus={() => {}}
      disabled={false}
      readonly={false}
      required
      rawErrors={[]}
      registry={{} as any}
    />
  );
}

/** Renders a form field of the plugin against the backend through msw, and the catalog holding Odoo. */
export async function renderField(
  field: Field,
  form: RestoreForm,
  initial?: string,
) {
  const discoveryApi = { getBaseUrl: async () => baseUrl };
  const fetchApi = new MockFetchApi();
  const onChange = jest.fn();
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [discoveryApiRef, discoveryApi],
        [fetchApiRef, fetchApi],
        [backupsApiRef, new BackupsClient({ discoveryApi, fetchApi })],
        [catalogApiRef, catalogApiMock({ entities: [odoo] })],
      ]}
    >
      <Harness
        field={field}
        form={form}
        initial={initial}
        onChange={onChange}
      />
    </TestApiProvider>,
  );
  return { onChange };
}
