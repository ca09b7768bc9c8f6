import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { open } from '@tauri-apps/plugin-dialog';
import type { OpportunityImage } from '../lib/bindings.gen';
import { setLanguage } from '../lib/i18n/index.svelte';
import { callsOf, fakeCore, imageDataUrlOf, invalidPayload, storedImage, storedOpportunity } from '../test-ipc';
import OpportunityDetail from './OpportunityDetail.svelte';
import { TestId, testIdOf } from '../lib/test-ids';

vi.mock('@tauri-apps/plugin-dialog', () => ({ open: vi.fn(), save: vi.fn() }));
const openDialog = vi.mocked(open);
beforeEach(() => openDialog.mockReset());

const gate = storedImage(1, { caption: 'Cổng chính Khu CNC Hòa Lạc', width: 1600, height: 1067 });
const plan = storedImage(2, { caption: null, mime: 'image/png', width: 1200, height: 900 });

/** A fake core holding the pictures in `images` (changed by add and remove like the real one). */
function core(images: OpportunityImage[], extra: Record<string, (args: Record<string, unknown>) => unknown> = {}) {
  return fakeCore({
    get_record: () => storedOpportunity(1),
    record_audit: () => [],
    opportunity_images: () => [...images],
    opportunity_image_data: (args) => imageDataUrlOf(args.imageId as number),
    ...extra,
  });
}

const pictures = () => screen.getAllByTestId(TestId.opportunityImage);

/** The <img> of a picture once its data URL has arrived (a placeholder stands in until then). */
function loadedImage(picture: HTMLElement): Promise<HTMLImageElement> {
  return waitFor(() => {
    const img = picture.querySelector('img');
    if (!img) throw new Error('the picture is still loading');
    return img;
  });
}

describe('opportunity pictures', () => {
  it('lists the pictures with their data URL, caption (or the opportunity name as alt) and size', async () => {
    const calls = core([gate, plan]);
    const { container } = render(OpportunityDetail, { id: 1 });

    const gallery = await screen.findByTestId(TestId.opportunityImages);
    expect(within(gallery).getByRole('heading', { name: 'Hình ảnh' })).toBeInTheDocument();
    await waitFor(() => expect(pictures()).toHaveLength(2));
    const [one, two] = pictures();
    const img1 = await loadedImage(one);
    expect(img1).toHaveAttribute('src', imageDataUrlOf(1));
    expect(img1).toHaveAttribute('alt', 'Cổng chính Khu CNC Hòa Lạc');
    expect(one).toHaveTextContent('Cổng chính Khu CNC Hòa Lạc');
    expect(one).toHaveTextContent('1600 × 1067 px');
    const img2 = await loadedImage(two);
    expect(img2).toHaveAttribute('src', imageDataUrlOf(2));
    expect(img2).toHaveAttribute('alt', 'Khu Công nghệ cao Hòa Lạc');
    expect(two).toHaveTextContent('1200 × 900 px');

    expect(callsOf(calls, 'opportunity_images')).toEqual([{ opportunityId: 1 }]);
    expect(callsOf(calls, 'opportunity_image_data')).toEqual([{ imageId: 1 }, { imageId: 2 }]);
    expect(container.querySelectorAll('[style]')).toHaveLength(0);

    setLanguage('en');
    await waitFor(() => expect(img2).toHaveAttribute('alt', 'Hoa Lac Hi-Tech Park'));
    expect(within(gallery).getByRole('heading', { name: 'Pictures' })).toBeInTheDocument();
    expect(screen.getByTestId(TestId.addImage)).toHaveTextContent('Add picture');
  });

  it('adds a picture: the open dialog, then add_opportunity_image with the path and caption, then the new list', async () => {
    const images = [gate];
    const calls = core(images, {
      add_opportunity_image: () => {
        const added = storedImage(3, { caption: 'Nhà điều hành', width: 1600, height: 900 });
        images.push(added);
        return added;
      },
    });
    render(OpportunityDetail, { id: 1 });
    await screen.findByTestId(TestId.opportunityImage);
    expect(screen.getByTestId(TestId.addImage)).toHaveTextContent('Thêm ảnh');

    // Cancelling the dialog adds nothing.
    openDialog.mockResolvedValueOnce(null);
    await fireEvent.click(screen.getByTestId(TestId.addImage));
    await waitFor(() => expect(openDialog).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(screen.getByTestId(TestId.addImage)).not.toBeDisabled());
    expect(callsOf(calls, 'add_opportunity_image')).toHaveLength(0);

    openDialog.mockResolvedValueOnce('/home/lan/Ảnh/nha-dieu-hanh.jpg');
    const caption = screen.getByLabelText('Chú thích ảnh (không bắt buộc)') as HTMLInputElement;
    await fireEvent.input(caption, { target: { value: '  Nhà điều hành ' } });
    await fireEvent.click(screen.getByTestId(TestId.addImage));

    await waitFor(() => expect(pictures()).toHaveLength(2));
    expect(openDialog).toHaveBeenLastCalledWith({
      multiple: false,
      filters: [{ name: 'Ảnh / Pictures', extensions: ['png', 'jpg', 'jpeg'] }],
    });
    expect(callsOf(calls, 'add_opportunity_image')).toEqual([
      { opportunityId: 1, path: '/home/lan/Ảnh/nha-dieu-hanh.jpg', caption: 'Nhà điều hành' },
    ]);
    expect(callsOf(calls, 'opportunity_images')).toHaveLength(2);
    expect(pictures()[1]).toHaveTextContent('Nhà điều hành');
    const added = await loadedImage(pictures()[1]);
    expect(added).toHaveAttribute('src', imageDataUrlOf(3));
    expect(added).toHaveAttribute('alt', 'Nhà điều hành');
    expect(caption.value).toBe('');
    // The add is in the opportunity's history, so the history is read again.
    await waitFor(() => expect(callsOf(calls, 'record_audit')).toHaveLength(2));
  });

  it('shows why the core refused the file next to the add button, in the chosen language', async () => {
    const calls = core([], {
      add_opportunity_image: () => {
        throw invalidPayload([
          {
            field: 'file',
            code: 'unsupported_image',
            message_vi: 'Chỉ nhận ảnh PNG hoặc JPEG',
            message_en: 'Only PNG or JPEG pictures are accepted',
          },
        ]);
      },
    });
    openDialog.mockResolvedValue('/home/lan/Ảnh/so-do.gif');
    render(OpportunityDetail, { id: 1 });
    const gallery = await screen.findByTestId(TestId.opportunityImages);
    expect(await within(gallery).findByText('Chưa có ảnh nào.')).toBeInTheDocument();

    await fireEvent.click(screen.getByTestId(TestId.addImage));
    const error = await screen.findByTestId(testIdOf('error', 'file'));
    expect(error).toHaveTextContent('Chỉ nhận ảnh PNG hoặc JPEG');
    expect(error.parentElement).toBe(screen.getByTestId(TestId.addImage).parentElement);
    expect(callsOf(calls, 'add_opportunity_image')).toEqual([
      { opportunityId: 1, path: '/home/lan/Ảnh/so-do.gif', caption: null },
    ]);
    expect(screen.queryByTestId(TestId.opportunityImage)).toBeNull();
    expect(screen.queryByTestId(TestId.imageError)).toBeNull();

    setLanguage('en');
    await waitFor(() => expect(error).toHaveTextContent('Only PNG or JPEG pictures are accepted'));
  });

  it('shows a failure that is not about the file (e.g. unreadable) next to the add button too', async () => {
    core([], {
      add_opportunity_image: () => {
        throw { code: 'io', message_vi: 'Lỗi đọc/ghi tệp: quyền truy cập', message_en: 'File error: permission denied', fields: [] };
      },
    });
    openDialog.mockResolvedValue('/root/anh.png');
    render(OpportunityDetail, { id: 1 });
    await screen.findByTestId(TestId.opportunityImages);
    await fireEvent.click(screen.getByTestId(TestId.addImage));
    const error = await screen.findByTestId(TestId.imageError);
    expect(error).toHaveTextContent('Lỗi đọc/ghi tệp: quyền truy cập');
    expect(error.parentElement).toBe(screen.getByTestId(TestId.addImage).parentElement);
  });

  it('removes a picture only after confirmation, then shows the list without it', async () => {
    const images = [gate, plan];
    const calls = core(images, {
      remove_opportunity_image: (args) => {
        images.splice(
          images.findIndex((i) => i.id === args.imageId),
          1,
        );
        return null;
      },
    });
    render(OpportunityDetail, { id: 1 });
    await waitFor(() => expect(pictures()).toHaveLength(2));

    await fireEvent.click(within(pictures()[0]).getByTestId(TestId.removeImage));
    const dialog = within(pictures()[0]).getByRole('alertdialog');
    expect(dialog).toHaveTextContent('Xoá ảnh «Cổng chính Khu CNC Hòa Lạc» khỏi cơ hội đầu tư này?');
    expect(callsOf(calls, 'remove_opportunity_image')).toHaveLength(0);
    // The opportunity itself is not being deleted.
    expect(screen.getByTestId(TestId.delete)).toBeInTheDocument();

    await fireEvent.click(within(dialog).getByTestId(TestId.confirmDelete));
    await waitFor(() => expect(pictures()).toHaveLength(1));
    expect(callsOf(calls, 'remove_opportunity_image')).toEqual([{ imageId: 1 }]);
    expect(callsOf(calls, 'delete_record')).toHaveLength(0);
    expect(pictures()[0]).toHaveTextContent('1200 × 900 px');
    expect(screen.queryByText('Cổng chính Khu CNC Hòa Lạc')).toBeNull();
  });
});
