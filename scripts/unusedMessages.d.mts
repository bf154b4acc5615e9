export type MessageTable = { [key: string]: string | MessageTable };
export interface SourceFile {
  path: string;
  text: string;
}
export function readMessageTable(text: string): Promise<MessageTable>;
export function unusedMessages(table: MessageTable, files: SourceFile[]): string[];
export function messageSources(root?: string): SourceFile[];
