import { Select, type SelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useTaskTypes } from '../../../api/tasks.ts';
import { useTeams } from '../../../api/teams.ts';
import { useUserDirectory } from '../../../api/users.ts';

type PickerProps = Omit<SelectProps, 'data'>;

export function UserPicker(props: PickerProps) {
  const users = useUserDirectory();
  const data = (users.data ?? []).filter((u) => u.active || u.id === props.value).map((u) => ({ value: u.id, label: u.name }));
  return <Select searchable data={data} {...props} />;
}

export function TeamPicker(props: PickerProps) {
  const teams = useTeams();
  return <Select searchable data={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))} {...props} />;
}

export function TaskTypePicker(props: PickerProps) {
  const { i18n } = useTranslation();
  const types = useTaskTypes();
  const data = (types.data ?? []).map((type) => ({ value: type.key, label: i18n.language === 'en' ? type.nameEn : type.nameDe }));
  if (typeof props.value === 'string' && props.value && !data.some((d) => d.value === props.value))
    data.push({ value: props.value, label: props.value });
  return <Select searchable data={data} {...props} />;
}
